import { describe, expect, it } from "vitest";
import patrols from "./patrols";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the patrol pages' words", () => {
  it("exist in Korean and English alike", () => {
    expect(keys(patrols.en).sort()).toEqual(keys(patrols.ko).sort());
  });
});
