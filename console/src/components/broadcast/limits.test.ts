import { describe, expect, it } from "vitest";
import spec from "../../../../mobile_api_spec/openapi.yaml?raw";
import { BODY_MAX, characters, TITLE_MAX } from "./limits";

describe("the broadcast composer's limits", () => {
  it("are the API's own", () => {
    const schema = spec.split("\n    Broadcast:\n")[1].split("\n    BroadcastResult:")[0];
    const maxLength = (field: string) => Number(new RegExp(`\\n        ${field}:[\\s\\S]*?maxLength: (\\d+)`).exec(schema)![1]);
    expect([TITLE_MAX, BODY_MAX]).toEqual([maxLength("title"), maxLength("body")]);
  });

  it("count characters, not UTF-16 units", () => {
    expect(characters("집결지 변경")).toBe(6);
    expect(characters("🚓 출동")).toBe(4);
  });
});
