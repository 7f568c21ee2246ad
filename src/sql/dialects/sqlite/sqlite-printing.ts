import { assertNever } from '../../../core/index.js';
import type { CastType, TimeGrain, TimeUnit } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import {
  checkWholeAmount,
  quoteByDoubling,
  singleQuotedStandard,
  unsupported,
} from '../../print/sql-text.js';

const SQLITE = { name: 'sqlite', displayName: 'SQLite' } as const;

/**
 * SQLite (3.46 or later, as bundled by better-sqlite3). Dates and times are ISO-8601 text
 * (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`); the date functions return NULL for anything else, and treat
 * a bare number as a Julian day, so epoch-number columns need converting in the source first.
 * @see https://www.sqlite.org/lang_datefunc.html
 */
export const sqlitePrinting: DialectPrinting = {
  ...SQLITE,
  supportsMedian: false,
  supportsPercentile: false,
  supportsStddev: false,
  supportsIntervalLiteral: false,
  supportsBooleanCast: false,
  booleanStyle: 'native',
  limitStyle: 'limit',
  nullOrdering: 'smallest',
  unionDistinct: 'UNION',
  sessionSettings: {},
  functions: expandFunctionTable({
    median: {
      unsupported: {
        reason: 'there is no median or percentile aggregate',
        fix: 'Compute the median on a DuckDB or PostgreSQL connection, or use avg.',
      },
    },
    percentile: {
      unsupported: {
        reason: 'there is no percentile aggregate',
        fix: 'Compute percentiles on a DuckDB or PostgreSQL connection.',
      },
    },
    stddev: {
      unsupported: {
        reason: 'there is no standard deviation aggregate',
        fix: 'Compute the standard deviation on a DuckDB or PostgreSQL connection.',
      },
    },
  }),
  quoteIdentifier: (name) => quoteByDoubling(name, '"', '"'),
  stringLiteral: singleQuotedStandard,
  // TRUE and FALSE are the integers 1 and 0 (keywords since 3.23).
  booleanLiteral: (value) => (value ? 'TRUE' : 'FALSE'),
  cast: sqliteCast,
  timeTrunc: sqliteTimeTrunc,
  timeAdd: sqliteTimeAdd,
  interval: () => {
    throw unsupported(
      SQLITE,
      'an interval value (SQLite has no interval type)',
      'Use a time offset instead.',
    );
  },
  nullSafeEquals: (left, right) => `${left} IS ${right}`,
  safeDivide: (left, right) => `CAST(${left} AS REAL) / NULLIF(${right}, 0)`,
  concat: (parts) => parts.join(' || '),
  // `%` converts both operands to integers first; mod() (math functions, bundled) keeps fractions.
  modulo: (left, right) => `mod(${left}, ${right})`,
};

function sqliteCast(sql: string, type: CastType): string {
  switch (type) {
    case 'integer':
      return `CAST(${sql} AS INTEGER)`;
    case 'decimal':
      // NUMERIC affinity: exact integers, other numbers as REAL; SQLite has no fixed-scale decimal.
      return `CAST(${sql} AS NUMERIC)`;
    case 'float':
      return `CAST(${sql} AS REAL)`;
    case 'text':
      return `CAST(${sql} AS TEXT)`;
    case 'date':
      // CAST(… AS DATE) would apply NUMERIC affinity and turn '2024-05-01' into 2024.
      return `date(${sql})`;
    case 'timestamp':
      return `datetime(${sql})`;
    case 'boolean':
      throw unsupported(
        SQLITE,
        'a cast to boolean (booleans are the integers 0 and 1)',
        'Compare explicitly, e.g. x <> 0.',
      );
    default:
      return assertNever(type, 'cast type');
  }
}

/**
 * Day and coarser grains return `YYYY-MM-DD`, hour returns `YYYY-MM-DD HH:00:00`. The week is
 * `weekday 0` (forward to the next Sunday, or stay on a Sunday) then back six days, so a Monday maps
 * to itself; the reference's `weekday 1, -7 days` moved Mondays back a week.
 */
function sqliteTimeTrunc(grain: TimeGrain, sql: string): string {
  switch (grain) {
    case 'hour':
      return `strftime('%Y-%m-%d %H:00:00', ${sql})`;
    case 'day':
      return `date(${sql})`;
    case 'week':
      return `date(${sql}, 'weekday 0', '-6 days')`;
    case 'month':
      return `date(${sql}, 'start of month')`;
    case 'quarter':
      return `date(${sql}, 'start of month', '-' || ((CAST(strftime('%m', ${sql}) AS INTEGER) - 1) % 3) || ' months')`;
    case 'year':
      return `date(${sql}, 'start of year')`;
    default:
      return assertNever(grain, 'time grain');
  }
}

/**
 * Returns `YYYY-MM-DD HH:MM:SS`. `floor` (SQLite 3.46+) makes month and year steps clamp to the last
 * day of the month (Jan 31 + 1 month = Feb 29) as every other engine does, instead of overflowing
 * into March.
 */
function sqliteTimeAdd(unit: TimeUnit, amount: number, sql: string): string {
  checkWholeAmount(amount);
  const step = (count: number, name: string) => `'${count >= 0 ? '+' : ''}${count} ${name}'`;
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
      return `datetime(${sql}, ${step(amount, `${unit}s`)})`;
    case 'week':
      return `datetime(${sql}, ${step(amount * 7, 'days')})`;
    case 'month':
      return `datetime(${sql}, ${step(amount, 'months')}, 'floor')`;
    case 'quarter':
      return `datetime(${sql}, ${step(amount * 3, 'months')}, 'floor')`;
    case 'year':
      return `datetime(${sql}, ${step(amount, 'years')}, 'floor')`;
    default:
      return assertNever(unit, 'time unit');
  }
}
