import type { Schemas } from "../api/client";

// As the API's patrol managers (backend/patrols/policies.py): they assign officers and
// withdraw anyone; the API still decides, this only spares people buttons that would fail.
const PATROL_MANAGERS = new Set(["admin", "station_chief"]);

export function isPatrolManager(me: Schemas["Me"]): boolean {
  return PATROL_MANAGERS.has(me.role);
}
