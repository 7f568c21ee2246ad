import { KtxError } from '../../core/index.js';
import type { DialectName } from '../dialect-name.js';

/**
 * Small spelling helpers shared by the dialect printers. Every name and string that reaches SQL text
 * goes through one of the quoting functions here, so the escaping rules live in one place.
 */

/** Refuses names no engine can quote faithfully: empty, or containing NUL. */
export function checkIdentifier(name: string): void {
  if (name.length === 0 || name.includes('\0')) {
    throw new KtxError('invalid_argument', `Cannot quote the identifier ${JSON.stringify(name)}.`, {
      fix: 'Use a non-empty name without NUL characters.',
    });
  }
}

/** `open` + name + `close`, doubling `close` inside: `"a""b"`, `` `a``b` ``, `[a]]b]`. */
export function quoteByDoubling(name: string, open: string, close: string): string {
  checkIdentifier(name);
  return open + name.replaceAll(close, close + close) + close;
}

/** `` `name` `` with backslash escapes, for engines that read quoted names like strings (BigQuery, ClickHouse). */
export function quoteByBackslash(name: string, quote: string): string {
  checkIdentifier(name);
  return quote + escapeBackslashes(name, quote) + quote;
}

/** Refuses string values with NUL: no engine stores it in text and several truncate at it. */
export function checkStringValue(value: string): void {
  if (value.includes('\0')) {
    throw new KtxError('invalid_argument', 'A string literal contains a NUL character.', {
      fix: 'Remove the NUL character from the value.',
    });
  }
}

/** `'…'` with the quote doubled and backslashes literal (SQL standard). */
export function singleQuotedStandard(value: string): string {
  checkStringValue(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** `'…'` for engines where backslash always escapes: backslash and quote escaped, control characters spelled out. */
export function singleQuotedBackslash(value: string): string {
  checkStringValue(value);
  return `'${escapeBackslashes(value, "'")}'`;
}

function escapeBackslashes(value: string, quote: string): string {
  let out = '';
  for (const char of value) {
    if (char === '\\' || char === quote) out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char < ' ') out += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out;
}

/** Time-add and interval amounts are whole numbers of their unit. */
export function checkWholeAmount(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new KtxError('unsupported_expression', `A time offset of ${amount} is not a whole number.`, {
      fix: 'Use a whole number of a smaller unit (90 minutes rather than 1.5 hours).',
    });
  }
}

/** Who is refusing: the registry key (for `data`) and the engine's name (for the message). */
export interface DialectIdentity {
  readonly name: DialectName;
  readonly displayName: string;
}

/** The error for something a dialect cannot express exactly; the message names the engine, `fix` the way out. */
export function unsupported(dialect: DialectIdentity, what: string, fix: string): KtxError {
  return new KtxError('unsupported_expression', `${dialect.displayName} cannot express ${what}.`, {
    fix,
    data: { dialect: dialect.name },
  });
}

/** A malformed AST (an empty IN list, a join without ON): a bug in whatever built it, reported as `internal`. */
export function invalidAst(problem: string): KtxError {
  return new KtxError('internal', `Cannot print the SQL: ${problem}.`, {
    fix: 'This is a bug in the planner that built the query; please report it with --debug.',
  });
}
