// The SOS banner's polling: ask every few seconds while the page is visible, not at all while
// it is hidden (and at once when it is shown again), and wait longer after each failure so a
// service in trouble is not hammered by every open console.

export const POLL_EVERY_MS = 5_000;
export const MAX_BACKOFF_MS = 60_000;

/** The wait before the next request: the interval, doubled for each failure in a row, capped. */
export function nextDelay(failures: number, everyMs = POLL_EVERY_MS, maxMs = MAX_BACKOFF_MS): number {
  return Math.min(everyMs * 2 ** Math.max(0, failures), maxMs);
}

export interface PollerOptions {
  /** One round trip; a rejection counts as a failure. */
  poll: () => Promise<void>;
  isHidden: () => boolean;
  everyMs?: number;
  maxMs?: number;
}

export interface Poller {
  start(): void;
  stop(): void;
  /** Call on `visibilitychange`: stops while hidden, asks at once when shown. */
  visibilityChanged(): void;
  readonly failures: number;
}

export function createPoller({ poll, isHidden, everyMs = POLL_EVERY_MS, maxMs = MAX_BACKOFF_MS }: PollerOptions): Poller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let inFlight = false;
  let failures = 0;

  function clear() {
    clearTimeout(timer);
    timer = undefined;
  }

  function schedule() {
    clear();
    if (running && !isHidden()) timer = setTimeout(() => void tick(), nextDelay(failures, everyMs, maxMs));
  }

  async function tick() {
    timer = undefined;
    if (!running || isHidden() || inFlight) return;
    inFlight = true;
    try {
      await poll();
      failures = 0;
    } catch {
      failures += 1;
    } finally {
      inFlight = false;
    }
    schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      failures = 0;
      void tick();
    },
    stop() {
      running = false;
      clear();
    },
    visibilityChanged() {
      if (!running) return;
      clear();
      if (!isHidden()) void tick();
    },
    get failures() {
      return failures;
    },
  };
}
