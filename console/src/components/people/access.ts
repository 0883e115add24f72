import type { Schemas } from "../../api/client";

// The roles the API lets manage groups and accounts (backend/organizations/policies.py
// GROUP_MANAGERS, backend/users/routes.py ACCOUNT_MANAGERS): the console offers their forms
// only to them; the API still decides each request.
const MANAGERS = new Set(["admin", "station_chief", "coordinator"]);
const STAFF = new Set(["admin", "station_chief", "coordinator", "officer"]);

export function managesPeople(me: Schemas["Me"]): boolean {
  return MANAGERS.has(me.role);
}

export function isStaff(me: Schemas["Me"]): boolean {
  return STAFF.has(me.role);
}

export const ROLES = ["volunteer", "officer", "coordinator", "station_chief", "admin"] as const;
