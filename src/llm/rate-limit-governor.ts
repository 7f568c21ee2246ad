import { abortErrorFor, throwIfAborted } from './abort.js';
import type { LlmRuntimeEvent, RateLimitGovernor, RateLimitSignal } from './port.js';

/** Time source of the governor; tests inject a manual clock, production uses the real one. */
export interface GovernorClock {
  now(): number;
  /** Calls `run` after `ms`; the returned function cancels it. */
  setTimer(run: () => void, ms: number): () => void;
}

export const systemClock: GovernorClock = {
  now: () => Date.now(),
  setTimer: (run, ms) => {
    const timer = setTimeout(run, Math.max(0, ms));
    // A pending countdown must not keep the CLI alive after the work is done.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

export interface RateLimitGovernorOptions {
  /** false: no pauses, no concurrency limit, one attempt per call. Default true. */
  enabled?: boolean;
  /** Concurrent provider calls when there is headroom. Default 4. */
  maxConcurrency?: number;
  /** Concurrent calls while the provider signals pressure. Default 1. */
  minConcurrencyUnderPressure?: number;
  /** Utilization (0..1) at or above which concurrency drops. Default 0.8. */
  throttleThreshold?: number;
  /** Attempts per call, the first included. Default 6. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Multiply backoffs by a random factor in [0.75, 1.25]. Default true. */
  jitter?: boolean;
  /** Caps each single pause (not the whole run). Default: no cap. */
  maxWaitMs?: number;
  /** Countdown event interval while someone listens. Default 1000. */
  tickMs?: number;
  clock?: GovernorClock;
  random?: () => number;
}

interface Waiter {
  wake: () => void;
}

/**
 * The shared rate-limit governor (port `RateLimitGovernor`). One pause at a time, extended only
 * forward; one timer per pause wakes every waiter, so concurrent waiters never sleep separately.
 * Waiting never holds a slot: a slot is taken synchronously once the pause is over and one is free.
 */
export function createRateLimitGovernor(options: RateLimitGovernorOptions = {}): RateLimitGovernor {
  const enabled = options.enabled ?? true;
  const maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency ?? 4));
  const minConcurrency = Math.min(
    maxConcurrency,
    Math.max(1, Math.floor(options.minConcurrencyUnderPressure ?? 1)),
  );
  const threshold = options.throttleThreshold ?? 0.8;
  const attempts = Math.max(1, Math.floor(options.maxAttempts ?? 6));
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const jitter = options.jitter ?? true;
  const tickMs = Math.max(1, options.tickMs ?? 1000);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;

  let limit = maxConcurrency;
  let active = 0;
  let pauseUntil = 0;
  let pauseProvider = '';
  let pauseType: string | undefined;
  let cancelPauseTimer: (() => void) | undefined;
  let cancelTicker: (() => void) | undefined;
  const opaqueRejections = new Map<string, number>();
  const waiters = new Set<Waiter>();
  const listeners = new Set<(event: LlmRuntimeEvent) => void>();

  const emit = (event: LlmRuntimeEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const wakeAll = () => {
    for (const waiter of [...waiters]) waiter.wake();
  };
  const paused = () => clock.now() < pauseUntil;

  const emitWait = () => {
    const now = clock.now();
    emit({
      kind: 'rate_limit_wait',
      provider: pauseProvider,
      resumeAtMs: pauseUntil,
      remainingMs: Math.max(0, pauseUntil - now),
      ...(pauseType ? { rateLimitType: pauseType } : {}),
    });
  };

  // The visible countdown runs only while someone listens (R29): it emits every tickMs until the
  // pause ends, then one rate_limit_resumed.
  const startTicker = () => {
    if (cancelTicker || listeners.size === 0 || !paused()) return;
    const tick = () => {
      cancelTicker = undefined;
      if (listeners.size === 0) return;
      if (!paused()) return;
      emitWait();
      cancelTicker = clock.setTimer(tick, Math.min(tickMs, pauseUntil - clock.now()));
    };
    cancelTicker = clock.setTimer(tick, Math.min(tickMs, pauseUntil - clock.now()));
  };
  const stopTicker = () => {
    cancelTicker?.();
    cancelTicker = undefined;
  };

  const setLimit = (next: number) => {
    const clamped = Math.min(maxConcurrency, Math.max(1, next));
    if (clamped === limit) return;
    const raised = clamped > limit;
    limit = clamped;
    if (raised) wakeAll();
  };

  const backoffMs = (attempt: number): number => {
    const exponent = Math.max(0, Math.min(attempt - 1, 30));
    const raw = Math.min(maxDelayMs, baseDelayMs * 2 ** exponent);
    return Math.round(jitter ? raw * (0.75 + random() * 0.5) : raw);
  };

  const pause = (signal: RateLimitSignal) => {
    const now = clock.now();
    let resumeAt: number;
    if (signal.resetAtMs !== undefined && signal.resetAtMs > now) resumeAt = signal.resetAtMs;
    else if (signal.retryAfterMs !== undefined) resumeAt = now + Math.max(0, signal.retryAfterMs);
    else {
      const count = Math.min(attempts, (opaqueRejections.get(signal.provider) ?? 0) + 1);
      opaqueRejections.set(signal.provider, count);
      resumeAt = now + backoffMs(count);
    }
    if (options.maxWaitMs !== undefined) resumeAt = Math.min(resumeAt, now + options.maxWaitMs);
    setLimit(minConcurrency);
    if (resumeAt <= pauseUntil) return;
    pauseUntil = resumeAt;
    pauseProvider = signal.provider;
    pauseType = signal.rateLimitType;
    schedulePauseEnd();
    emitWait();
    stopTicker();
    startTicker();
  };

  // One timer per pause wakes every waiter; it re-arms itself if it fires a little early.
  const schedulePauseEnd = () => {
    cancelPauseTimer?.();
    cancelPauseTimer = clock.setTimer(() => {
      cancelPauseTimer = undefined;
      if (paused()) {
        schedulePauseEnd();
        return;
      }
      stopTicker();
      emit({ kind: 'rate_limit_resumed', provider: pauseProvider });
      wakeAll();
    }, pauseUntil - clock.now());
  };

  /** Resolves on the next state change (pause over, slot freed, limit raised); rejects on abort. */
  const nextChange = (signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      const waiter: Waiter = {
        wake: () => {
          waiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        waiters.delete(waiter);
        reject(abortErrorFor(signal as AbortSignal));
      };
      waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  const waitForReady = async (signal?: AbortSignal): Promise<void> => {
    throwIfAborted(signal);
    if (!enabled) return;
    while (paused()) await nextChange(signal);
    throwIfAborted(signal);
  };

  return {
    report(signal) {
      if (!enabled) return;
      if (signal.status === 'rejected') {
        pause(signal);
        return;
      }
      const pressured = signal.status === 'warning' || (signal.utilization ?? 0) >= threshold;
      if (pressured) setLimit(minConcurrency);
      else {
        opaqueRejections.delete(signal.provider);
        if (!paused()) setLimit(maxConcurrency);
      }
    },
    waitForReady,
    async acquireSlot(signal) {
      throwIfAborted(signal);
      for (;;) {
        await waitForReady(signal);
        if (!enabled || active < limit) break;
        await nextChange(signal);
      }
      active += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        active -= 1;
        wakeAll();
      };
    },
    maxAttempts: () => (enabled ? attempts : 1),
    backoffMs,
    subscribe(listener) {
      listeners.add(listener);
      startTicker();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stopTicker();
      };
    },
    currentLimit: () => (enabled ? limit : maxConcurrency),
    activeSlots: () => active,
  };
}
