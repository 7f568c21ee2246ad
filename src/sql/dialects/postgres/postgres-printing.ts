import { assertNever } from '../../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import {
  checkStringValue,
  checkWholeAmount,
  quoteByDoubling,
  singleQuotedStandard,
} from '../../print/sql-text.js';

/**
 * PostgreSQL. `date_trunc('week', …)` is the ISO week. `date_trunc` of a DATE yields a
 * `timestamp with time zone` at midnight in the session time zone.
 * @see https://www.postgresql.org/docs/current/functions-datetime.html#FUNCTIONS-DATETIME-TRUNC
 */
export const postgresPrinting: DialectPrinting = {
  name: 'postgres',
  displayName: 'PostgreSQL',
  supportsMedian: true,
  supportsPercentile: true,
  supportsStddev: true,
  supportsIntervalLiteral: true,
  supportsBooleanCast: true,
  booleanStyle: 'native',
  limitStyle: 'limit',
  nullOrdering: 'largest',
  unionDistinct: 'UNION',
  sessionSettings: {},
  functions: expandFunctionTable({
    // round(double precision, int) does not exist, and round(double precision) breaks ties to even;
    // numeric rounds half away from zero like the other engines.
    round: { 1: 'ROUND(CAST({1} AS NUMERIC))', 2: 'ROUND(CAST({1} AS NUMERIC), {2})' },
  }),
  quoteIdentifier: (name) => quoteByDoubling(name, '"', '"'),
  stringLiteral: postgresString,
  booleanLiteral: (value) => (value ? 'TRUE' : 'FALSE'),
  cast: (sql, type) => `CAST(${sql} AS ${postgresType(type)})`,
  timeTrunc: (grain, sql) => `DATE_TRUNC('${postgresGrain(grain)}', ${sql})`,
  timeAdd: (unit, amount, sql) => `(${sql} + ${postgresInterval(unit, amount)})`,
  interval: postgresInterval,
  nullSafeEquals: (left, right) => `${left} IS NOT DISTINCT FROM ${right}`,
  safeDivide: (left, right) => `CAST(${left} AS DOUBLE PRECISION) / NULLIF(${right}, 0)`,
  concat: (parts) => parts.join(' || '),
  modulo: (left, right) => `${left} % ${right}`,
};

/**
 * A backslash means itself under `standard_conforming_strings = on` (the default) but escapes under
 * `off`; an `E'…'` string with the backslash doubled reads the same under both.
 * @see https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE
 */
function postgresString(value: string): string {
  if (!value.includes('\\')) return singleQuotedStandard(value);
  checkStringValue(value);
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

function postgresType(type: CastType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return 'NUMERIC(38, 9)';
    case 'float':
      return 'DOUBLE PRECISION';
    case 'text':
      return 'TEXT';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return assertNever(type, 'cast type');
  }
}

function postgresGrain(grain: TimeGrain): string {
  switch (grain) {
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
    case 'quarter':
    case 'year':
      return grain;
    default:
      return assertNever(grain, 'time grain');
  }
}

/** `INTERVAL '3 month'` (interval input has no quarter unit). Month steps clamp to the month's end. */
function postgresInterval(unit: TimeUnit, amount: number): string {
  checkWholeAmount(amount);
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
    case 'year':
      return `INTERVAL '${amount} ${unit}'`;
    case 'quarter':
      return `INTERVAL '${amount * 3} month'`;
    default:
      return assertNever(unit, 'time unit');
  }
}
