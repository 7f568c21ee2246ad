import { describe, expect, it } from 'vitest';
import { createRateLimitGovernor, isAbortError, type LlmRuntimeEvent } from '../../src/llm/index.js';
import { createManualClock } from './manual-clock.js';

function settled<T>(promise: Promise<T>): {
  done: () => boolean;
  value: () => T | undefined;
  error: () => unknown;
} {
  let done = false;
  let value: T | undefined;
  let error: unknown;
  promise.then(
    (v) => {
      done = true;
      value = v;
    },
    (e) => {
      done = true;
      error = e;
    },
  );
  return { done: () => done, value: () => value, error: () => error };
}

describe('rate-limit governor', () => {
  it('pauses every caller until retry-after has passed after a rejection', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock, jitter: false });
    governor.report({ provider: 'anthropic', status: 'rejected', retryAfterMs: 5000 });
    const first = settled(governor.waitForReady());
    const second = settled(governor.acquireSlot());
    await clock.advance(4999);
    expect(first.done()).toBe(false);
    expect(second.done()).toBe(false);
    await clock.advance(1);
    expect(first.done()).toBe(true);
    expect(second.done()).toBe(true);
    expect(governor.activeSlots()).toBe(1);
  });

  it('honours an absolute reset time over retry-after', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock });
    governor.report({ provider: 'p', status: 'rejected', resetAtMs: clock.now() + 10_000, retryAfterMs: 1 });
    const wait = settled(governor.waitForReady());
    await clock.advance(9_999);
    expect(wait.done()).toBe(false);
    await clock.advance(1);
    expect(wait.done()).toBe(true);
  });

  it('backs off exponentially with bounded jitter when the provider gives no time', async () => {
    const clock = createManualClock();
    const low = createRateLimitGovernor({ clock, baseDelayMs: 1000, maxDelayMs: 8000, random: () => 0 });
    const high = createRateLimitGovernor({ clock, baseDelayMs: 1000, maxDelayMs: 8000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map((n) => low.backoffMs(n))).toEqual([750, 1500, 3000, 6000, 6000]);
    expect([1, 2, 3, 4, 5].map((n) => high.backoffMs(n))).toEqual([1250, 2500, 5000, 10000, 10000]);
    const plain = createRateLimitGovernor({ clock, jitter: false, baseDelayMs: 100 });
    plain.report({ provider: 'p', status: 'rejected' });
    plain.report({ provider: 'p', status: 'rejected' });
    // Second opaque rejection doubles the pause: 200 ms from now.
    const wait = settled(plain.waitForReady());
    await clock.advance(199);
    expect(wait.done()).toBe(false);
    await clock.advance(1);
    expect(wait.done()).toBe(true);
  });

  it('R32: only ever extends a pause, and maxWaitMs caps each pause, not the run', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock, maxWaitMs: 3000 });
    governor.report({ provider: 'p', status: 'rejected', retryAfterMs: 60_000 });
    governor.report({ provider: 'p', status: 'rejected', retryAfterMs: 10 });
    const wait = settled(governor.waitForReady());
    await clock.advance(2999);
    expect(wait.done()).toBe(false);
    await clock.advance(1);
    expect(wait.done()).toBe(true);
  });

  it('lowers concurrency under pressure and restores it on headroom', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock, maxConcurrency: 3, minConcurrencyUnderPressure: 1 });
    expect(governor.currentLimit()).toBe(3);
    governor.report({ provider: 'p', status: 'allowed', utilization: 0.95 });
    expect(governor.currentLimit()).toBe(1);
    const first = await governor.acquireSlot();
    const second = settled(governor.acquireSlot());
    await clock.advance(0);
    expect(second.done()).toBe(false);
    governor.report({ provider: 'p', status: 'allowed', utilization: 0.2 });
    await clock.advance(0);
    expect(governor.currentLimit()).toBe(3);
    expect(second.done()).toBe(true);
    first();
    first();
    expect(governor.activeSlots()).toBe(1);
    governor.report({ provider: 'p', status: 'warning' });
    expect(governor.currentLimit()).toBe(1);
  });

  it('R30: rejects an already-aborted wait and slot without consuming capacity', async () => {
    const governor = createRateLimitGovernor({ clock: createManualClock() });
    const controller = new AbortController();
    controller.abort();
    await expect(governor.waitForReady(controller.signal)).rejects.toSatisfy(isAbortError);
    await expect(governor.acquireSlot(controller.signal)).rejects.toSatisfy(isAbortError);
    expect(governor.activeSlots()).toBe(0);
  });

  it('R30: an interrupted wait rejects with AbortError and takes no slot', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock });
    governor.report({ provider: 'p', status: 'rejected', retryAfterMs: 10_000 });
    const controller = new AbortController();
    const wait = settled(governor.acquireSlot(controller.signal));
    await clock.advance(100);
    controller.abort();
    await clock.advance(0);
    expect(isAbortError(wait.error())).toBe(true);
    await clock.advance(20_000);
    expect(governor.activeSlots()).toBe(0);
  });

  it('R29: emits countdown ticks to subscribers with no waiting caller, and stops when they leave', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock, tickMs: 1000 });
    const events: LlmRuntimeEvent[] = [];
    const unsubscribe = governor.subscribe((event) => events.push(event));
    governor.report({
      provider: 'anthropic',
      status: 'rejected',
      retryAfterMs: 3000,
      rateLimitType: 'http_429',
    });
    await clock.advance(3000);
    const waits = events.filter((event) => event.kind === 'rate_limit_wait');
    expect(waits.map((event) => (event.kind === 'rate_limit_wait' ? event.remainingMs : -1))).toEqual([
      3000, 2000, 1000,
    ]);
    expect(events.at(-1)).toEqual({ kind: 'rate_limit_resumed', provider: 'anthropic' });
    events.length = 0;
    governor.report({ provider: 'anthropic', status: 'rejected', retryAfterMs: 5000 });
    unsubscribe();
    await clock.advance(5000);
    expect(events.filter((event) => event.kind === 'rate_limit_wait')).toHaveLength(1);
  });

  it('R29: concurrent waiters share one timer instead of sleeping separately', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock });
    governor.report({ provider: 'p', status: 'rejected', retryAfterMs: 1000 });
    const waits = Array.from({ length: 5 }, () => settled(governor.waitForReady()));
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(1000);
    expect(waits.every((wait) => wait.done())).toBe(true);
  });

  it('R27: a disabled governor never pauses, never limits and allows one attempt', async () => {
    const clock = createManualClock();
    const governor = createRateLimitGovernor({ clock, enabled: false, maxAttempts: 6, maxConcurrency: 1 });
    governor.report({ provider: 'p', status: 'rejected', retryAfterMs: 60_000 });
    await governor.waitForReady();
    const a = await governor.acquireSlot();
    const b = await governor.acquireSlot();
    expect(governor.maxAttempts()).toBe(1);
    a();
    b();
    expect(createRateLimitGovernor({ clock, maxAttempts: 4 }).maxAttempts()).toBe(4);
  });
});
