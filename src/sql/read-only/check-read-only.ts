import { KtxError } from '../../core/index.js';
import type { DialectName } from '../dialect-name.js';

export interface ReadOnlyCheckOptions {
  /** The statement timeout in force; sleeps longer than this are refused outright. */
  timeoutMs?: number;
}

export type ReadOnlyVerdict = { ok: true } | { ok: false; reason: string };

// PLACEHOLDER — replaced by the tokenizer-based gate. Keeps the signature stable for callers.
export function checkReadOnly(sql: string, _dialect: DialectName, _options: ReadOnlyCheckOptions = {}): ReadOnlyVerdict {
  return /^\s*(select|with)\b/i.test(sql) && !sql.includes(';') ? { ok: true } : { ok: false, reason: 'not a SELECT' };
}

/** Throws `read_only_violation` with the reason when the statement is not provably read-only. */
export function assertReadOnly(sql: string, dialect: DialectName, options: ReadOnlyCheckOptions = {}): void {
  const verdict = checkReadOnly(sql, dialect, options);
  if (!verdict.ok) {
    throw new KtxError('read_only_violation', `Refused: ${verdict.reason}.`, {
      fix: 'ktx runs only single read-only statements (SELECT, WITH … SELECT, VALUES, EXPLAIN, SHOW); rewrite the query as one.',
      data: { dialect, reason: verdict.reason },
    });
  }
}
