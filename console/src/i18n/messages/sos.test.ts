import { describe, expect, it } from "vitest";
import sos from "./sos";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the SOS banner's words", () => {
  it("has every key in Korean and English, a word for each kind of alert among them", () => {
    expect(keys(sos.en).sort()).toEqual(keys(sos.ko).sort());
    expect(Object.keys(sos.ko.sos.kind).sort()).toEqual(["man_down", "sos"]);
  });
});
