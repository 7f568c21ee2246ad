import { KtxError } from '../../core/index.js';
import type { QueryOptions } from '../port.js';

/** Timeout of `test()` on file engines. */
export const FILE_PROBE_TIMEOUT_MS = 10_000;
/** Timeout of `test()` on servers: longer than the drivers' 10 s connect timeout, so an unreachable
 * server reports `connection_failed` (with the reason) rather than `query_timeout`. */
export const SERVER_PROBE_TIMEOUT_MS = 15_000;
/** Timeout of the catalog reads behind `introspect()`, which have no caller-given timeout yet. */
export const CATALOG_TIMEOUT_MS = 120_000;

/** The longest delay a Node.js timer can wait (2^31 - 1 ms). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** Rejects option values no engine can honour; the limits themselves are the caller's policy. */
export function checkQueryOptions(options: QueryOptions): void {
  if (!Number.isInteger(options.maxRows) || options.maxRows < 0) {
    throw new KtxError('invalid_argument', `maxRows must be a whole number ≥ 0, got ${options.maxRows}.`, {
      fix: 'Pass a row cap such as 1000.',
    });
  }
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new KtxError('invalid_argument', `timeoutMs must be a positive number, got ${options.timeoutMs}.`, {
      fix: 'Pass a timeout in milliseconds such as 30000.',
    });
  }
  // setTimeout fires at once for delays beyond 2^31 - 1 ms, which would stop every statement at once.
  if (options.timeoutMs > MAX_TIMEOUT_MS) {
    throw new KtxError(
      'invalid_argument',
      `timeoutMs must be at most ${MAX_TIMEOUT_MS} (about 24 days), got ${options.timeoutMs}.`,
      { fix: 'Pass a timeout in milliseconds such as 30000.' },
    );
  }
}

/**
 * Engines fetch at most maxRows + 1 rows: the extra row only proves that more exist. This keeps the
 * first maxRows and says whether anything was cut.
 */
export function capRows<T>(rows: T[], maxRows: number): { rows: T[]; truncated: boolean } {
  if (rows.length <= maxRows) return { rows, truncated: false };
  return { rows: rows.slice(0, maxRows), truncated: true };
}
