import type { GovernorClock } from '../../src/llm/index.js';

/** A clock tests move by hand: timers fire only inside `advance`, in due order. */
export interface ManualClock extends GovernorClock {
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

export function createManualClock(start = 1_000_000): ManualClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const flush = async () => {
    // Let promise continuations (woken waiters) run between timer firings.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return {
    now: () => now,
    setTimer(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return () => timers.delete(id);
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
        await flush();
      }
      now = target;
      await flush();
    },
    pendingTimers: () => timers.size,
  };
}
