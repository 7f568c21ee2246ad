import { assertNever } from '../../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import { checkWholeAmount, quoteByBackslash, singleQuotedBackslash } from '../../print/sql-text.js';

/**
 * BigQuery (GoogleSQL). Strings and quoted names use backslash escapes, and `''` is not an escape.
 * A bare UNION is refused: it must say DISTINCT or ALL.
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical
 */
export const bigqueryPrinting: DialectPrinting = {
  name: 'bigquery',
  displayName: 'BigQuery',
  supportsMedian: false,
  supportsPercentile: false,
  supportsStddev: true,
  supportsIntervalLiteral: true,
  supportsBooleanCast: true,
  booleanStyle: 'native',
  limitStyle: 'limit',
  nullOrdering: 'smallest',
  unionDistinct: 'UNION DISTINCT',
  sessionSettings: {},
  functions: expandFunctionTable({
    median: {
      unsupported: {
        reason: 'PERCENTILE_CONT is only a window function and APPROX_QUANTILES is approximate',
        fix: 'Use avg, or compute the median on a PostgreSQL, DuckDB, Snowflake or ClickHouse connection.',
      },
    },
    percentile: {
      unsupported: {
        reason: 'PERCENTILE_CONT is only a window function and APPROX_QUANTILES is approximate',
        fix: 'Compute percentiles on a PostgreSQL, DuckDB, Snowflake or ClickHouse connection.',
      },
    },
    current_date: 'CURRENT_DATE()',
    current_timestamp: 'CURRENT_TIMESTAMP()',
  }),
  quoteIdentifier: (name) => quoteByBackslash(name, '`'),
  stringLiteral: singleQuotedBackslash,
  booleanLiteral: (value) => (value ? 'TRUE' : 'FALSE'),
  cast: (sql, type) => `CAST(${sql} AS ${bigqueryType(type)})`,
  timeTrunc: (grain, sql) => `DATE_TRUNC(${sql}, ${bigqueryGrain(grain)})`,
  timeAdd: bigqueryTimeAdd,
  interval: bigqueryInterval,
  nullSafeEquals: (left, right) => `${left} IS NOT DISTINCT FROM ${right}`,
  // SAFE_DIVIDE is NULL on a zero divisor; the cast makes NUMERIC inputs divide as floats too.
  safeDivide: (left, right) => `SAFE_DIVIDE(CAST(${left} AS FLOAT64), ${right})`,
  concat: (parts) => parts.join(' || '),
  modulo: (left, right) => `MOD(${left}, ${right})`,
};

function bigqueryType(type: CastType): string {
  switch (type) {
    case 'integer':
      return 'INT64';
    case 'decimal':
      // NUMERIC is exactly DECIMAL(38, 9), the definition ktx uses in every dialect.
      return 'NUMERIC';
    case 'float':
      return 'FLOAT64';
    case 'text':
      return 'STRING';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOL';
    default:
      return assertNever(type, 'cast type');
  }
}

/**
 * DATE_TRUNC accepts DATE, DATETIME and TIMESTAMP and keeps the type; ISOWEEK starts on Monday
 * (plain WEEK starts on Sunday). HOUR is refused for a DATE.
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_trunc
 */
function bigqueryGrain(grain: TimeGrain): string {
  switch (grain) {
    case 'week':
      return 'ISOWEEK';
    case 'hour':
    case 'day':
    case 'month':
    case 'quarter':
    case 'year':
      return grain.toUpperCase();
    default:
      return assertNever(grain, 'time grain');
  }
}

/**
 * The *_ADD functions are typed (DATE_ADD takes only DATE, TIMESTAMP_ADD no month or year), and the
 * printer does not know the operand's type; so the step is taken on a DATETIME (which accepts every
 * unit and clamps month steps to the month's end) and the result is a TIMESTAMP (in UTC).
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/datetime_functions#datetime_add
 */
function bigqueryTimeAdd(unit: TimeUnit, amount: number, sql: string): string {
  return `CAST(DATETIME_ADD(CAST(${sql} AS DATETIME), ${bigqueryInterval(unit, amount)}) AS TIMESTAMP)`;
}

function bigqueryInterval(unit: TimeUnit, amount: number): string {
  checkWholeAmount(amount);
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'month':
    case 'year':
      return `INTERVAL ${amount} ${unit.toUpperCase()}`;
    case 'week':
      return `INTERVAL ${amount * 7} DAY`;
    case 'quarter':
      return `INTERVAL ${amount * 3} MONTH`;
    default:
      return assertNever(unit, 'time unit');
  }
}
