// The one way the console reaches the service: the public /api/v1, typed from the spec.
import createClient from "openapi-fetch";
import { currentLocale } from "../i18n";
import type { components, paths } from "./schema";
import { renewSession, session } from "../auth/session";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

// Codes that mean "this access token no longer works": refresh it or sign in again.
const SESSION_ENDED = new Set(["UNAUTHORIZED", "TOKEN_EXPIRED", "TOKEN_INVALID", "TOKEN_REVOKED"]);

/** A refused request, carrying the API's problem (code, detail in the reader's language, field errors). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

function withHeaders(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set("Accept-Language", currentLocale());
  if (session.accessToken && !headers.has("Authorization")) {
    headers.set("Authorization", `Bearer ${session.accessToken}`);
  }
  return new Request(request, { headers });
}

async function sessionEnded(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const problem = await response.clone().json().catch(() => null);
  return SESSION_ENDED.has(problem?.code);
}

/** fetch with the access token; when it has ended, renew the session (by the refresh
 * cookie, or by signing in again while the page and its unsaved input stay) and retry once. */
export async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withHeaders(request));
  const isAuthRoute = new URL(request.url).pathname.startsWith("/api/v1/auth/");
  if (isAuthRoute || !session.accessToken || !(await sessionEnded(response))) return response;
  await renewSession();
  return fetch(withHeaders(retry));
}

export const api = createClient<paths>({ baseUrl: "/", fetch: authorizedFetch, credentials: "same-origin" });

/** The data of an openapi-fetch result, or an ApiError with the API's problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem = (result.error ?? {}) as Partial<Problem>;
    // The whole problem, extension members included (row_limit, conflicting_patrol …).
    throw new ApiError({
      ...problem,
      code: problem.code ?? "INTERNAL_ERROR",
      detail: problem.detail ?? result.response.statusText,
      status: result.response.status,
      title: problem.title ?? "",
      type: problem.type ?? "about:blank",
      request_id: problem.request_id ?? "",
    } as Problem);
  }
  return result.data as T;
}
