// Who may do what, as the API decides it (backend/*/policies.py). The console offers a form
// only to those the API would let through; the API still decides every request.
import type { Schemas } from "../api/client";

type Me = Schemas["Me"];

export const ROLES = ["volunteer", "officer", "coordinator", "station_chief", "admin"] as const;
const STAFF = new Set(["admin", "coordinator", "station_chief", "officer"]);
// Group and account managers (organizations' GROUP_MANAGERS, users' ACCOUNT_MANAGERS).
const PEOPLE_MANAGERS = new Set(["admin", "station_chief", "coordinator"]);
// Patrol managers plan, publish and cancel, assign officers and withdraw anyone.
const PATROL_MANAGERS = new Set(["admin", "station_chief"]);
// Who reviews check-ins and confirms attendance (checkins' REVIEWERS, attendance's CONFIRMERS).
const REVIEWERS = new Set(["admin", "station_chief", "officer"]);
// Who approve a group's monthly volunteer hours (attendance's HOURS_APPROVERS).
const HOURS_APPROVERS = new Set(["admin", "station_chief", "coordinator"]);
// Who may go out as a patrol's officer (patrols' OFFICER_ROLES).
export const OFFICER_ROLES = ["officer", "station_chief"] as const;

export function isStaff(me: Me): boolean {
  return STAFF.has(me.role);
}

/** Station staff, or a volunteer who leads a group: the people this console is for. */
export function mayUseConsole(me: Me): boolean {
  return isStaff(me) || (me.groups ?? []).some((group) => group.is_leader);
}

export function managesPeople(me: Me): boolean {
  return PEOPLE_MANAGERS.has(me.role);
}

export function isPatrolManager(me: Me): boolean {
  return PATROL_MANAGERS.has(me.role);
}

/** The service's administrators (the API's Role.ADMIN): delivery and location-access logs. */
export function isAdmin(me: Me): boolean {
  return me.role === "admin";
}

/** May be offered the broadcast composer: patrol managers, and officers, of whom the API lets
 * through only those on the patrol (notifications' broadcast). */
export function mayBroadcast(me: Me): boolean {
  return isPatrolManager(me) || me.role === "officer";
}

export function mayReview(me: Me): boolean {
  return REVIEWERS.has(me.role);
}

export function approvesHours(me: Me): boolean {
  return HOURS_APPROVERS.has(me.role);
}
