import { KtxError } from '../../core/index.js';
import type { DialectName } from '../dialect-name.js';
import { getDialect } from '../dialects/registry.js';
import type { LexicalMode } from '../lexical-profile.js';
import { classifyStatement } from './classify-statement.js';
import type { ReadOnlyCheckOptions } from './read-only-check-options.js';
import { tokenize } from './tokenize.js';

export type { ReadOnlyCheckOptions };

export type ReadOnlyVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Passes `sql` only when it is provably a single read-only statement for `dialect`. The text is
 * tokenized under every lexical mode the dialect lists (engine settings the gate cannot see), and
 * it must pass under each: a statement that is harmless under one setting and writes under another
 * is refused.
 */
export function checkReadOnly(
  sql: string,
  dialect: DialectName,
  options: ReadOnlyCheckOptions = {},
): ReadOnlyVerdict {
  const sqlDialect = getDialect(dialect);
  const hasDoubleQuote = sql.includes('"');
  const done: ModeRun[] = [];
  for (const mode of sqlDialect.lexical.modes) {
    if (done.some((run) => lexesAlike(run, mode, hasDoubleQuote))) continue;
    const tokenized = tokenize(sql, sqlDialect.lexical, mode);
    const reason = tokenized.ok ? classifyStatement(tokenized.tokens, sqlDialect, options) : tokenized.reason;
    if (reason !== null) {
      // The first mode is the engine default; name a mode only when the default reading passed.
      return {
        ok: false,
        reason: done.length > 0 ? `${reason} (when the server runs with ${mode.name})` : reason,
      };
    }
    if (tokenized.ok) {
      const { backslashInString, backslashInDoubleQuoted } = tokenized;
      done.push({ mode, backslashInString, backslashInDoubleQuoted });
    }
  }
  return { ok: true };
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

interface ModeRun {
  mode: LexicalMode;
  backslashInString: boolean;
  backslashInDoubleQuoted: boolean;
}

/**
 * Whether `mode` can be skipped because a passed run already judged what it would see. Two modes
 * tokenize a text alike up to the first spot they read differently: a backslash inside a string
 * (one honours escapes, the other not) or a `"` (a string to one, a name to the other). Without
 * such a spot the earlier run stands. A `"…"` read as a string is judged at least as strictly as
 * the same run read as a name (see `scanBody`), so a string reading also covers the name reading
 * whenever both end the run at the same quote.
 */
function lexesAlike(run: ModeRun, mode: LexicalMode, hasDoubleQuote: boolean): boolean {
  const backslashesAlike = run.mode.backslashEscapes === mode.backslashEscapes || !run.backslashInString;
  const quotesAlike =
    run.mode.doubleQuotes === mode.doubleQuotes ||
    !hasDoubleQuote ||
    (run.mode.doubleQuotes === 'string' && (!run.mode.backslashEscapes || !run.backslashInDoubleQuoted));
  return backslashesAlike && quotesAlike;
}
