import { assertNever } from '../../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import {
  checkWholeAmount,
  quoteByDoubling,
  singleQuotedBackslash,
  unsupported,
} from '../../print/sql-text.js';

const SNOWFLAKE = { name: 'snowflake', displayName: 'Snowflake' } as const;

/**
 * Snowflake. Quoted names are case-sensitive, and unquoted ones resolve upper-case, so a name must
 * reach the printer as stored (usually upper-case). Backslash escapes inside single-quoted strings.
 * @see https://docs.snowflake.com/en/sql-reference/identifiers-syntax
 */
export const snowflakePrinting: DialectPrinting = {
  ...SNOWFLAKE,
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
    // AVG of a fixed-point column keeps a fixed (small) scale; ktx's avg is a float average.
    avg: 'AVG({distinct}CAST({1} AS DOUBLE))',
  }),
  quoteIdentifier: (name) => quoteByDoubling(name, '"', '"'),
  stringLiteral: singleQuotedBackslash,
  booleanLiteral: (value) => (value ? 'TRUE' : 'FALSE'),
  cast: (sql, type) => `CAST(${sql} AS ${snowflakeType(type)})`,
  timeTrunc: snowflakeTimeTrunc,
  timeAdd: (unit, amount, sql) => {
    checkWholeAmount(amount);
    return `DATEADD(${snowflakeUnit(unit)}, ${amount}, ${sql})`;
  },
  interval: (unit, amount) => {
    checkWholeAmount(amount);
    if (amount < 0) {
      throw unsupported(SNOWFLAKE, 'a negative interval constant', 'Subtract a positive interval instead.');
    }
    return `INTERVAL '${amount} ${snowflakeUnit(unit)}'`;
  },
  nullSafeEquals: (left, right) => `${left} IS NOT DISTINCT FROM ${right}`,
  safeDivide: (left, right) => `CAST(${left} AS DOUBLE) / NULLIF(${right}, 0)`,
  concat: (parts) => parts.join(' || '),
  modulo: (left, right) => `${left} % ${right}`,
};

function snowflakeType(type: CastType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      // Bare NUMBER is NUMBER(38, 0).
      return 'NUMBER(38, 9)';
    case 'float':
      return 'DOUBLE';
    case 'text':
      return 'VARCHAR';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMP_NTZ';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return assertNever(type, 'cast type');
  }
}

/**
 * DATE_TRUNC('WEEK', …) follows the WEEK_START session parameter, which a user may have set to
 * Sunday; DAYOFWEEKISO is 1 for Monday whatever the parameter says.
 * @see https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays
 */
function snowflakeTimeTrunc(grain: TimeGrain, sql: string): string {
  switch (grain) {
    case 'hour':
    case 'day':
    case 'month':
    case 'quarter':
    case 'year':
      return `DATE_TRUNC('${grain.toUpperCase()}', ${sql})`;
    case 'week':
      return `DATEADD(day, 1 - DAYOFWEEKISO(${sql}), DATE_TRUNC('DAY', ${sql}))`;
    default:
      return assertNever(grain, 'time grain');
  }
}

function snowflakeUnit(unit: TimeUnit): string {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
    case 'quarter':
    case 'year':
      return unit;
    default:
      return assertNever(unit, 'time unit');
  }
}
