import { describe, expect, it } from "vitest";
import { ageText, liveStatus, matching, type LiveParticipant } from "./board";

function person(state: string, age_s: number | null, name = "정미숙"): LiveParticipant {
  return {
    user_id: 1, name, kind: "volunteer", state, checked_in_at: null, checked_out_at: null, zone_ids: [],
    last_point: age_s === null ? null : { lat: 37.39, lon: 126.95, accuracy_m: 8, recorded_at: "", age_s },
  } as LiveParticipant;
}

describe("liveStatus", () => {
  it("names someone checked in and heard from lately as on patrol", () => {
    expect(liveStatus(person("checked_in", 300))).toBe("on_patrol");
  });
  it("names someone checked in but silent for over five minutes, or never heard, as stale", () => {
    expect(liveStatus(person("checked_in", 301))).toBe("stale");
    expect(liveStatus(person("checked_in", null))).toBe("stale");
  });
  it("keeps not arrived and checked out whatever the position", () => {
    expect(liveStatus(person("not_arrived", 10))).toBe("not_arrived");
    expect(liveStatus(person("checked_out", 10))).toBe("checked_out");
  });
});

describe("ageText", () => {
  it("says seconds, minutes or hours in the reader's language", () => {
    expect(ageText(45, "ko")).toBe("45초 전");
    expect(ageText(185, "ko")).toBe("3분 전");
    expect(ageText(3900, "en")).toBe("1 h 5 min ago");
  });
});

describe("matching", () => {
  it("finds people by part of their name", () => {
    const people = [person("checked_in", 1, "정미숙"), person("checked_in", 1, "한지우")];
    expect(matching(people, " 지우 ").map((p) => p.name)).toEqual(["한지우"]);
    expect(matching(people, "")).toHaveLength(2);
  });
});
