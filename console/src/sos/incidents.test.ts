import { describe, expect, it } from "vitest";
import messages from "../i18n/messages/sosIncidents";
import { minutesAndSeconds, seoulMonth } from "./incidents";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the SOS incident list", () => {
  it("counts a month in Korean time", () => {
    expect(seoulMonth("2026-11-30T14:59:59Z")).toBe("2026-11");
    expect(seoulMonth("2026-11-30T15:00:00Z")).toBe("2026-12"); // midnight of 1 December in Seoul
  });

  it("splits the time to acknowledge into minutes and seconds", () => {
    expect(minutesAndSeconds(42)).toEqual({ minutes: 0, seconds: 42 });
    expect(minutesAndSeconds(125)).toEqual({ minutes: 2, seconds: 5 });
  });

  it("has every word in Korean and English, one for each status and outcome", () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.ko).sort());
    expect(Object.keys(messages.ko.sosIncidents.status).sort()).toEqual(["acknowledged", "cancelled", "open", "resolved"]);
    expect(Object.keys(messages.ko.sosIncidents.outcomes).sort()).toEqual(["false_alarm", "medical", "police_dispatched", "safe"]);
  });
});
