import type { QueryOptions } from '../port.js';
import { queryAborted, queryTimedOut } from './query-errors.js';

export type StopReason = 'timeout' | 'abort';

/**
 * The handle an engine gets while one statement runs: it registers how to stop the statement on the
 * server (cancel request, KILL QUERY, interrupt, killing the worker process) and checks between round
 * trips whether the caller has given up.
 */
export interface StatementControl {
  /** Why the statement was stopped, once the timeout fired or the signal aborted. */
  readonly stopReason: StopReason | undefined;
  /** Registers the server-side stop. Runs at once when the statement was already stopped. */
  onStop(stop: () => unknown): void;
  /** Throws the timeout/abort error when the statement was stopped; call between round trips. */
  throwIfStopped(): void;
}

/**
 * Runs one statement under its timeout and abort signal. Whichever fires first runs the registered
 * server-side stops and rejects at once with `query_timeout` or `query_aborted`, without waiting for the
 * driver; the engine's own cleanup (rollback, release, respawn) still runs when the driver settles.
 */
export async function runStatement<T>(
  sql: string,
  options: Pick<QueryOptions, 'timeoutMs' | 'signal'>,
  execute: (control: StatementControl) => Promise<T>,
): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) throw queryAborted(sql);

  let stopReason: StopReason | undefined;
  const stops: Array<() => unknown> = [];
  let rejectStopped: (error: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    rejectStopped = reject;
  });
  const errorFor = (reason: StopReason) =>
    reason === 'timeout' ? queryTimedOut(sql, timeoutMs) : queryAborted(sql);
  const runStop = (stop: () => unknown) => {
    // A failed cancel must not mask the timeout/abort the caller is told about.
    Promise.resolve()
      .then(stop)
      .catch(() => {});
  };
  const stop = (reason: StopReason) => {
    if (stopReason) return;
    stopReason = reason;
    for (const each of stops) runStop(each);
    rejectStopped(errorFor(reason));
  };

  const control: StatementControl = {
    get stopReason() {
      return stopReason;
    },
    onStop(each) {
      stops.push(each);
      if (stopReason) runStop(each);
    },
    throwIfStopped() {
      if (stopReason) throw errorFor(stopReason);
    },
  };

  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('abort');
  signal?.addEventListener('abort', onAbort, { once: true });
  // Started from a promise so a synchronous throw still reaches the cleanup below.
  const running = Promise.resolve().then(() => execute(control));
  // Once stopped, the driver's own late rejection is expected and must not surface as unhandled.
  running.catch(() => {});
  try {
    return await Promise.race([running, stopped]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
