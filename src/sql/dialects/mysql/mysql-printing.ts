import { assertNever } from '../../../core/index.js';
import type { CastType } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import {
  checkStringValue,
  quoteByDoubling,
  singleQuotedStandard,
  unsupported,
} from '../../print/sql-text.js';
import { mysqlInterval, mysqlTimeAdd, mysqlTimeTrunc } from './mysql-time.js';

const MYSQL = { name: 'mysql', displayName: 'MySQL/MariaDB' } as const;

/**
 * MySQL 8.0.17+ and MariaDB 10.4+ (one printer for both: everything here is accepted by each).
 * `||` is OR unless PIPES_AS_CONCAT is set, so concatenation is CONCAT(), which is NULL when any
 * argument is. Backtick quoting is unaffected by ANSI_QUOTES.
 * @see https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
 */
export const mysqlPrinting: DialectPrinting = {
  ...MYSQL,
  supportsMedian: false,
  supportsPercentile: false,
  supportsStddev: true,
  supportsIntervalLiteral: true,
  supportsBooleanCast: false,
  booleanStyle: 'native',
  limitStyle: 'limit',
  nullOrdering: 'smallest',
  unionDistinct: 'UNION',
  sessionSettings: {},
  functions: expandFunctionTable({
    // AVG of integers is a DECIMAL with only div_precision_increment (4) extra digits.
    avg: 'AVG({distinct}CAST({1} AS DOUBLE))',
    // LENGTH counts bytes.
    length: 'CHAR_LENGTH({1})',
    // MariaDB rounds STDDEV_SAMP of integers to 4 decimals.
    stddev: 'STDDEV_SAMP(CAST({1} AS DOUBLE))',
    median: {
      unsupported: {
        reason: 'MySQL has no median aggregate and MariaDB has MEDIAN() only as a window function',
        fix: 'Use avg, or compute the median on a PostgreSQL, DuckDB, Snowflake or ClickHouse connection.',
      },
    },
    percentile: {
      unsupported: {
        reason: 'MySQL has no percentile aggregate and MariaDB has PERCENTILE_CONT only as a window function',
        fix: 'Compute percentiles on a PostgreSQL, DuckDB, Snowflake or ClickHouse connection.',
      },
    },
  }),
  quoteIdentifier: (name) => quoteByDoubling(name, '`', '`'),
  stringLiteral: mysqlString,
  booleanLiteral: (value) => (value ? 'TRUE' : 'FALSE'),
  cast: mysqlCast,
  timeTrunc: mysqlTimeTrunc,
  timeAdd: mysqlTimeAdd,
  interval: mysqlInterval,
  nullSafeEquals: (left, right) => `${left} <=> ${right}`,
  safeDivide: (left, right) => `CAST(${left} AS DOUBLE) / NULLIF(${right}, 0)`,
  concat: (parts) => `CONCAT(${parts.join(', ')})`,
  modulo: (left, right) => `${left} % ${right}`,
};

/**
 * A backslash escapes by default but not under NO_BACKSLASH_ESCAPES, and no spelling of it inside
 * quotes reads the same in both modes; so it is spliced in as CHAR(92) between plain literals.
 * A doubled quote means one quote in both modes.
 */
function mysqlString(value: string): string {
  checkStringValue(value);
  if (!value.includes('\\')) return singleQuotedStandard(value);
  const pieces = value.split('\\').map(singleQuotedStandard);
  return `CONCAT(${pieces.join(', CHAR(92 USING utf8mb4), ')})`;
}

function mysqlCast(sql: string, type: CastType): string {
  switch (type) {
    case 'integer':
      return `CAST(${sql} AS SIGNED)`;
    case 'decimal':
      // Bare DECIMAL is DECIMAL(10, 0).
      return `CAST(${sql} AS DECIMAL(38, 9))`;
    case 'float':
      return `CAST(${sql} AS DOUBLE)`;
    case 'text':
      return `CAST(${sql} AS CHAR)`;
    case 'date':
      return `CAST(${sql} AS DATE)`;
    case 'timestamp':
      return `CAST(${sql} AS DATETIME(6))`;
    case 'boolean':
      throw unsupported(
        MYSQL,
        'a cast to boolean (BOOLEAN is TINYINT(1), not a cast target)',
        'Compare explicitly, e.g. x <> 0.',
      );
    default:
      return assertNever(type, 'cast type');
  }
}
