import { describe, expect, it } from "vitest";
import admin from "./admin";
import tonight from "./tonight";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the tonight and admin pages' words", () => {
  it.each([["tonight", tonight], ["admin", admin]])("%s has every key in Korean and English", (_, module) => {
    expect(keys(module.en).sort()).toEqual(keys(module.ko).sort());
  });
});
