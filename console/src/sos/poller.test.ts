import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_BACKOFF_MS, POLL_EVERY_MS, createPoller, nextDelay } from "./poller";

describe("nextDelay", () => {
  it("waits the interval while all is well and doubles it for each failure in a row, up to a cap", () => {
    expect(nextDelay(0)).toBe(POLL_EVERY_MS);
    expect(nextDelay(1)).toBe(2 * POLL_EVERY_MS);
    expect(nextDelay(2)).toBe(4 * POLL_EVERY_MS);
    expect(nextDelay(10)).toBe(MAX_BACKOFF_MS);
  });
});

describe("createPoller", () => {
  let hidden: boolean;
  let outcomes: Array<"ok" | "fail">;
  let calls: number;
  const poll = async () => {
    calls += 1;
    if ((outcomes.shift() ?? "ok") === "fail") throw new Error("503");
  };

  beforeEach(() => {
    vi.useFakeTimers();
    hidden = false;
    outcomes = [];
    calls = 0;
  });
  afterEach(() => vi.useRealTimers());

  function poller() {
    return createPoller({ poll, isHidden: () => hidden, everyMs: 1000, maxMs: 4000 });
  }

  it("asks at once, then every interval", async () => {
    const p = poller();
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toBe(4);
    p.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(4);
  });

  it("backs off after failures and returns to the interval after a success", async () => {
    outcomes = ["fail", "fail", "fail", "ok"];
    const p = poller();
    p.start();
    await vi.advanceTimersByTimeAsync(0); // fail 1: next in 2 s
    expect(p.failures).toBe(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1); // fail 2: next in 4 s
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(4000); // fail 3: capped at 4 s
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(4000); // ok
    expect(calls).toBe(4);
    expect(p.failures).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(5);
    p.stop();
  });

  it("stops while the page is hidden and asks at once when it is shown again", async () => {
    const p = poller();
    p.start();
    await vi.advanceTimersByTimeAsync(0);
    hidden = true;
    p.visibilityChanged();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(1);
    hidden = false;
    p.visibilityChanged();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(3);
    p.stop();
  });

  it("does not start while hidden", async () => {
    hidden = true;
    const p = poller();
    p.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(0);
    p.stop();
  });
});
