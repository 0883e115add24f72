import { describe, expect, it } from "vitest";
import people from "./people";
import roster from "./roster";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the roster and people pages' words", () => {
  it.each([["roster", roster], ["people", people]])("%s has every key in Korean and English", (_, module) => {
    expect(keys(module.en).sort()).toEqual(keys(module.ko).sort());
  });
});
