// The API's paged lists say where they are in the X-Pagination header.
import type { Schemas } from "./client";

export type PageInfo = Schemas["PaginationMetadata"];

export function pageInfo(response: Response): PageInfo {
  const header = response.headers.get("X-Pagination");
  return header ? (JSON.parse(header) as PageInfo) : {};
}

/** The page after this one, if any: the loop condition of reading every page. */
export function nextPage(response: Response): number | undefined {
  return pageInfo(response).next_page;
}
