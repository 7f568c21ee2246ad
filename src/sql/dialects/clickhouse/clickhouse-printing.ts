import { assertNever } from '../../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import { checkWholeAmount, quoteByBackslash, singleQuotedBackslash } from '../../print/sql-text.js';

/**
 * ClickHouse. Function names are case-sensitive (the SQL-standard ones also answer in upper case).
 * Casts target `Nullable(…)` because casting a NULL to a plain type fails. Without the session
 * settings below, an unmatched LEFT JOIN column is 0 or '' instead of NULL and `sum` over no rows is 0.
 * @see https://clickhouse.com/docs/en/operations/settings/settings#join_use_nulls
 */
export const clickhousePrinting: DialectPrinting = {
  name: 'clickhouse',
  displayName: 'ClickHouse',
  supportsMedian: true,
  supportsPercentile: true,
  supportsStddev: true,
  supportsIntervalLiteral: true,
  supportsBooleanCast: true,
  booleanStyle: 'native',
  limitStyle: 'limit',
  nullOrdering: 'last',
  unionDistinct: 'UNION DISTINCT',
  sessionSettings: {
    join_use_nulls: '1',
    aggregate_functions_null_for_empty: '1',
    count_distinct_implementation: 'uniqExact',
  },
  functions: expandFunctionTable({
    nullif: 'nullIf({1}, {2})',
    // length() counts bytes.
    length: 'lengthUTF8({1})',
    // quantileExactInclusive interpolates like PERCENTILE_CONT; median() and quantile() sample.
    median: 'quantileExactInclusive(0.5)({1})',
    percentile: 'quantileExactInclusive({2})({1})',
    stddev: 'stddevSamp({1})',
    current_date: 'today()',
    current_timestamp: 'now()',
  }),
  quoteIdentifier: (name) => quoteByBackslash(name, '`'),
  stringLiteral: singleQuotedBackslash,
  booleanLiteral: (value) => (value ? 'true' : 'false'),
  cast: (sql, type) => `CAST(${sql} AS Nullable(${clickhouseType(type)}))`,
  timeTrunc: (grain, sql) => `${clickhouseTruncFunction(grain)}(${sql})`,
  timeAdd: (unit, amount, sql) => {
    checkWholeAmount(amount);
    return `${clickhouseAddFunction(unit)}(${sql}, ${amount})`;
  },
  interval: (unit, amount) => {
    checkWholeAmount(amount);
    return `INTERVAL ${amount} ${unit.toUpperCase()}`;
  },
  // Documented for JOIN ON, where null-safe keys are needed (plain `=` never matches NULLs there).
  nullSafeEquals: (left, right) => `isNotDistinctFrom(${left}, ${right})`,
  safeDivide: (left, right) => `CAST(${left} AS Nullable(Float64)) / nullIf(${right}, 0)`,
  concat: (parts) => `concat(${parts.join(', ')})`,
  modulo: (left, right) => `${left} % ${right}`,
};

function clickhouseType(type: CastType): string {
  switch (type) {
    case 'integer':
      return 'Int64';
    case 'decimal':
      return 'Decimal(38, 9)';
    case 'float':
      return 'Float64';
    case 'text':
      return 'String';
    case 'date':
      // Date covers only 1970–2149; Date32 covers 1900–2299.
      return 'Date32';
    case 'timestamp':
      return 'DateTime64(6)';
    case 'boolean':
      return 'Bool';
    default:
      return assertNever(type, 'cast type');
  }
}

/** toMonday is the ISO week start. @see https://clickhouse.com/docs/en/sql-reference/functions/date-time-functions#tomonday */
function clickhouseTruncFunction(grain: TimeGrain): string {
  switch (grain) {
    case 'hour':
      return 'toStartOfHour';
    case 'day':
      return 'toStartOfDay';
    case 'week':
      return 'toMonday';
    case 'month':
      return 'toStartOfMonth';
    case 'quarter':
      return 'toStartOfQuarter';
    case 'year':
      return 'toStartOfYear';
    default:
      return assertNever(grain, 'time grain');
  }
}

/** addMonths and friends clamp to the month's last day. */
function clickhouseAddFunction(unit: TimeUnit): string {
  switch (unit) {
    case 'second':
      return 'addSeconds';
    case 'minute':
      return 'addMinutes';
    case 'hour':
      return 'addHours';
    case 'day':
      return 'addDays';
    case 'week':
      return 'addWeeks';
    case 'month':
      return 'addMonths';
    case 'quarter':
      return 'addQuarters';
    case 'year':
      return 'addYears';
    default:
      return assertNever(unit, 'time unit');
  }
}
