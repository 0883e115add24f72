// Where the API says a zone is wrong: its problem's `errors` (plain messages by field) and
// `coded_errors` (the same messages with their code and, for geometry, the positions at fault).
import type { Problem } from "../../api/client";

export type LonLat = [number, number];

export interface FaultMessage {
  /** The field inside the feature, e.g. "geometry" or "properties.name". */
  field: string;
  code: string | null;
  message: string;
  locations: LonLat[];
}

export interface FeatureFault {
  /** The feature's index in the file (0-based, as the API names it). */
  index: number;
  messages: FaultMessage[];
}

type Tree = string | Tree[] | { [key: string]: Tree };

function flatten(tree: Tree | undefined, path: string[] = []): Array<{ path: string[]; message: string }> {
  if (tree === undefined || tree === null) return [];
  if (typeof tree === "string") return [{ path, message: tree }];
  if (Array.isArray(tree)) return tree.flatMap((child) => flatten(child, path));
  return Object.entries(tree).flatMap(([key, child]) => flatten(child, [...path, key]));
}

/** Every message of the problem's errors, each with its code and locations where the API gives them. */
export function faultMessages(problem: Problem): Array<FaultMessage & { path: string[] }> {
  const coded = problem.coded_errors ?? [];
  return flatten(problem.errors as Tree | undefined).map(({ path, message }) => {
    const match = coded.find((entry) => entry.message === message && entry.path.join("/") === path.join("/"));
    return {
      path,
      field: path.join("."),
      code: match?.code ?? null,
      message,
      locations: (match?.locations ?? []).map((position) => [position[0], position[1]] as LonLat),
    };
  });
}

/** The features of a refused import that are at fault, in file order, with what is wrong with each. */
export function importFaults(problem: Problem): FeatureFault[] {
  const byIndex = new Map<number, FaultMessage[]>();
  for (const { path, ...message } of faultMessages(problem)) {
    if (path[0] !== "features" || path.length < 2 || !/^\d+$/.test(path[1])) continue;
    const index = Number(path[1]);
    const field = path.slice(2).join(".");
    byIndex.set(index, [...(byIndex.get(index) ?? []), { ...message, field }]);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, messages]) => ({ index, messages }));
}
