import { describe, expect, it } from "vitest";
import { raisedAgo, secondsSince } from "./alerts";

const RAISED = "2026-12-18T22:41:07+09:00";
const at = (iso: string) => Date.parse(iso);

describe("raisedAgo", () => {
  it("counts from the alert's time, whatever zone its offset names", () => {
    expect(secondsSince(RAISED, at("2026-12-18T13:41:52Z"))).toBe(45);
  });
  it("never says a negative age when the browser's clock is a little behind", () => {
    expect(secondsSince(RAISED, at("2026-12-18T22:41:00+09:00"))).toBe(0);
  });
  it("says it in Korean and English as the live map does", () => {
    expect(raisedAgo(RAISED, at("2026-12-18T22:41:52+09:00"), "ko")).toBe("45초 전");
    expect(raisedAgo(RAISED, at("2026-12-18T22:44:30+09:00"), "ko")).toBe("3분 전");
    expect(raisedAgo(RAISED, at("2026-12-18T22:44:30+09:00"), "en")).toBe("3 min ago");
    expect(raisedAgo(RAISED, at("2026-12-18T23:46:07+09:00"), "en")).toBe("1 h 5 min ago");
  });
});
