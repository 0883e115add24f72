// What the patrol pages read from the API: a calendar's patrols (every page of them), and the
// station's zones, groups and officers for the form's choices.
import { api, unwrap, type Schemas } from "../api/client";
import { nextPage } from "../api/paging";
import { OFFICER_ROLES } from "../auth/permissions";

export type Patrol = Schemas["Patrol"];
export type Gap = Schemas["Gap"];
export type ZoneFeature = Schemas["ZoneOut"];
export type Group = Schemas["Group"];
export type Officer = Schemas["User"];
export type PatrolStatus = Patrol["status"];
export const PATROL_STATUSES: PatrolStatus[] = ["draft", "published", "in_progress", "completed", "cancelled"];

export interface PatrolFilters {
  group_id?: number;
  zone_id?: number;
  status?: PatrolStatus;
  has_gaps?: boolean;
}

export const PAGE_SIZE = 200; // the API's largest page

/** Every page of a paginated list, the API's largest page at a time. */
export async function everyPage<T>(
  fetchPage: (page: number) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page: number | undefined = 1; page !== undefined; ) {
    const result = await fetchPage(page);
    rows.push(...unwrap(result));
    page = nextPage(result.response);
  }
  return rows;
}

/** The patrols touching [from, to), with the filters, all pages. */
export async function patrolsBetween(from: string, to: string, filters: PatrolFilters): Promise<Patrol[]> {
  return everyPage((page) =>
    api.GET("/api/v1/patrols", { params: { query: { from, to, ...filters, page, page_size: PAGE_SIZE } } }),
  );
}

export async function stationZones(stationId: number): Promise<ZoneFeature[]> {
  const result = await api.GET("/api/v1/zones", { params: { query: { station_id: stationId, all: true } } });
  return unwrap(result).features;
}

/** Every zone the signed-in person may see (their station family's; an admin's, all), every
 * page of them: the zones a zone-coverage report covers. */
export async function visibleZones(): Promise<ZoneFeature[]> {
  const zones: ZoneFeature[] = [];
  for (let page: number | undefined = 1; page !== undefined; ) {
    const result = await api.GET("/api/v1/zones", { params: { query: { page, page_size: PAGE_SIZE } } });
    zones.push(...unwrap(result).features);
    page = nextPage(result.response);
  }
  return zones;
}

/** The groups the signed-in person may see (of one station, when given); a station's groups
 * fit on one page of the largest size. */
export async function visibleGroups(stationId?: number): Promise<Group[]> {
  const result = await api.GET("/api/v1/groups", { params: { query: { station_id: stationId, page_size: PAGE_SIZE } } });
  return unwrap(result);
}

/** The active people who may go out as officers that the signed-in person may see (their
 * station and its sub-stations), by name. */
export async function stationOfficers(): Promise<Officer[]> {
  const lists = await Promise.all(
    OFFICER_ROLES.map(async (role) =>
      unwrap(await api.GET("/api/v1/users", { params: { query: { role, is_active: true, page_size: PAGE_SIZE } } })),
    ),
  );
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name, "ko"));
}

export async function getPatrol(id: number): Promise<Patrol> {
  return unwrap(await api.GET("/api/v1/patrols/{patrol_id}", { params: { path: { patrol_id: id } } }));
}

/** Editable: not cancelled, not under way or over (the API's PATROL_NOT_EDITABLE). */
export function isEditable(patrol: Patrol): boolean {
  return patrol.status === "draft" || patrol.status === "published";
}
