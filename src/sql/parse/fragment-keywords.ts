import { WRITE_VERBS } from '../read-only/write-verbs.js';

/**
 * Words that only make sense in a statement. Refused wherever they appear as bare words, even after
 * a dot, so a fragment can never carry a write verb into printed SQL (the read-only gate would refuse
 * the whole query later, with a less helpful message). Quoting the word makes it a name again.
 */
export const STATEMENT_WORDS: ReadonlySet<string> = new Set([
  ...WRITE_VERBS,
  'CALL',
  'COPY',
  'DECLARE',
  'EXEC',
  'EXECUTE',
  'PRAGMA',
]);

/** Words that open a query; in an operand position they mean a subquery. */
export const QUERY_WORDS: ReadonlySet<string> = new Set(['SELECT', 'WITH', 'VALUES', 'EXISTS']);

/**
 * Reserved words that cannot stand where an operand is expected; they mean the operand is missing
 * (`a AND`, `= WHEN`). Other keywords (`date`, `year`, `interval`, `left`) stay usable as names.
 */
export const NOT_AN_OPERAND: ReadonlySet<string> = new Set([
  'ALL',
  'AND',
  'AS',
  'ASC',
  'BETWEEN',
  'BY',
  'DESC',
  'DISTINCT',
  'ELSE',
  'END',
  'EXCEPT',
  'FROM',
  'GROUP',
  'HAVING',
  'ILIKE',
  'IN',
  'INTERSECT',
  'IS',
  'JOIN',
  'LIKE',
  'LIMIT',
  'NOT',
  'OFFSET',
  'ON',
  'OR',
  'ORDER',
  'OVER',
  'THEN',
  'UNION',
  'USING',
  'WHEN',
  'WHERE',
]);

/**
 * Niladic SQL functions written without parentheses. The two the semantic layer supports become
 * calls; the others are refused rather than read as columns named `current_time`.
 */
export const NILADIC_FUNCTIONS: ReadonlyMap<string, string | undefined> = new Map([
  ['CURRENT_DATE', 'current_date'],
  ['CURRENT_TIMESTAMP', 'current_timestamp'],
  ['CURRENT_TIME', undefined],
  ['CURRENT_USER', undefined],
  ['LOCALTIME', undefined],
  ['LOCALTIMESTAMP', undefined],
  ['SESSION_USER', undefined],
]);

/** Keywords messages print bare (`after AND`) rather than quoted like names. */
export function isKeyword(upper: string): boolean {
  return (
    NOT_AN_OPERAND.has(upper) ||
    QUERY_WORDS.has(upper) ||
    STATEMENT_WORDS.has(upper) ||
    NILADIC_FUNCTIONS.has(upper) ||
    upper === 'CASE' ||
    upper === 'CAST' ||
    upper === 'INTERVAL' ||
    upper === 'NULL'
  );
}
