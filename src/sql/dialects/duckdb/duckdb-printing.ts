import { assertNever } from '../../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import { checkWholeAmount, quoteByDoubling, singleQuotedStandard } from '../../print/sql-text.js';

/**
 * DuckDB. `date_trunc('week', …)` is the ISO week (Monday). `/` is already float division, but
 * `x / 0` is ±Infinity rather than NULL, so safe division still needs NULLIF.
 * @see https://duckdb.org/docs/sql/functions/date
 */
export const duckdbPrinting: DialectPrinting = {
  name: 'duckdb',
  displayName: 'DuckDB',
  supportsMedian: true,
  supportsPercentile: true,
  supportsStddev: true,
  supportsIntervalLiteral: true,
  supportsBooleanCast: true,
  booleanStyle: 'native',
  limitStyle: 'limit',
  nullOrdering: 'last',
  unionDistinct: 'UNION',
  sessionSettings: {},
  functions: expandFunctionTable({}),
  quoteIdentifier: (name) => quoteByDoubling(name, '"', '"'),
  stringLiteral: singleQuotedStandard,
  booleanLiteral: (value) => (value ? 'TRUE' : 'FALSE'),
  cast: (sql, type) => `CAST(${sql} AS ${duckdbType(type)})`,
  timeTrunc: (grain, sql) => `DATE_TRUNC('${duckdbGrain(grain)}', ${sql})`,
  timeAdd: (unit, amount, sql) => `(${sql} + ${duckdbInterval(unit, amount)})`,
  interval: duckdbInterval,
  nullSafeEquals: (left, right) => `${left} IS NOT DISTINCT FROM ${right}`,
  safeDivide: (left, right) => `CAST(${left} AS DOUBLE) / NULLIF(${right}, 0)`,
  concat: (parts) => parts.join(' || '),
  modulo: (left, right) => `${left} % ${right}`,
};

function duckdbType(type: CastType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      // Bare DECIMAL is DECIMAL(18, 3); ktx's decimal is (38, 9) everywhere, like BigQuery NUMERIC.
      return 'DECIMAL(38, 9)';
    case 'float':
      return 'DOUBLE';
    case 'text':
      return 'VARCHAR';
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

function duckdbGrain(grain: TimeGrain): string {
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

/** `INTERVAL '3 month'`; a date plus an interval is a TIMESTAMP, and month steps clamp to the month's end. */
function duckdbInterval(unit: TimeUnit, amount: number): string {
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
