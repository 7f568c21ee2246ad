import { assertNever } from '../../../core/index.js';
import type { CastType } from '../../ast/expression.js';
import type { DialectPrinting } from '../../print/dialect-printing.js';
import { expandFunctionTable } from '../../print/function-table.js';
import { checkStringValue, checkWholeAmount, quoteByDoubling, unsupported } from '../../print/sql-text.js';
import { tsqlTimeTrunc } from './tsql-time.js';

const TSQL = { name: 'tsql', displayName: 'SQL Server (T-SQL)' } as const;

/**
 * SQL Server 2012+ / Azure SQL. Predicates are not values (`booleanStyle: 'bit'`): the printer turns
 * a predicate used as a value into a CASE yielding 1/0/NULL and a value used as a predicate into
 * `(v = 1)`. The row limit is `SELECT TOP (n)`, which needs no ORDER BY (OFFSET/FETCH does).
 * @see https://learn.microsoft.com/en-us/sql/t-sql/queries/top-transact-sql
 */
export const tsqlPrinting: DialectPrinting = {
  ...TSQL,
  supportsMedian: false,
  supportsPercentile: false,
  supportsStddev: true,
  supportsIntervalLiteral: false,
  supportsBooleanCast: true,
  booleanStyle: 'bit',
  limitStyle: 'top',
  nullOrdering: 'smallest',
  unionDistinct: 'UNION',
  // Concatenation with `+` is NULL-propagating only with this ON (the default; OFF is deprecated).
  sessionSettings: { CONCAT_NULL_YIELDS_NULL: 'ON' },
  functions: expandFunctionTable({
    // COUNT is an INT and overflows at 2^31 rows.
    count: 'COUNT_BIG({distinct}{1})',
    count_distinct: 'COUNT_BIG(DISTINCT {1})',
    // AVG of an INT column is an INT.
    avg: 'AVG({distinct}CAST({1} AS FLOAT))',
    round: { 1: 'ROUND({1}, 0)', 2: 'ROUND({1}, {2})' },
    // LEN ignores trailing spaces; a sentinel character keeps them counted.
    length: "(LEN(CAST({1} AS NVARCHAR(MAX)) + N'.') - 1)",
    stddev: 'STDEV({1})',
    median: {
      unsupported: {
        reason: 'PERCENTILE_CONT is only a window function',
        fix: 'Use avg, or compute the median on a PostgreSQL, DuckDB, Snowflake or ClickHouse connection.',
      },
    },
    percentile: {
      unsupported: {
        reason: 'PERCENTILE_CONT is only a window function',
        fix: 'Compute percentiles on a PostgreSQL, DuckDB, Snowflake or ClickHouse connection.',
      },
    },
    current_date: 'CAST(GETDATE() AS DATE)',
  }),
  quoteIdentifier: (name) => quoteByDoubling(name, '[', ']'),
  stringLiteral: (value) => {
    checkStringValue(value);
    return `N'${value.replaceAll("'", "''")}'`;
  },
  booleanLiteral: (value) => (value ? '1' : '0'),
  cast: (sql, type) => `CAST(${sql} AS ${tsqlType(type)})`,
  timeTrunc: tsqlTimeTrunc,
  timeAdd: (unit, amount, sql) => {
    checkWholeAmount(amount);
    return `DATEADD(${unit}, ${amount}, ${sql})`;
  },
  interval: () => {
    throw unsupported(
      TSQL,
      'an interval value (T-SQL has no interval type)',
      'Use a time offset (DATEADD) instead.',
    );
  },
  // IS NOT DISTINCT FROM exists only from SQL Server 2022. Written so it is never UNKNOWN: a plain
  // `a = b OR (a IS NULL AND b IS NULL)` is UNKNOWN when one side is NULL, which a CASE turns into NULL.
  nullSafeEquals: (left, right) =>
    `(${left} = ${right} AND ${left} IS NOT NULL AND ${right} IS NOT NULL) OR (${left} IS NULL AND ${right} IS NULL)`,
  safeDivide: (left, right) => `CAST(${left} AS FLOAT) / NULLIF(${right}, 0)`,
  // CONCAT() treats NULL as ''; `+` on NVARCHAR propagates NULL like `||`.
  concat: (parts) => parts.map((part) => `CAST(${part} AS NVARCHAR(MAX))`).join(' + '),
  modulo: (left, right) => `${left} % ${right}`,
};

function tsqlType(type: CastType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      // Bare DECIMAL is DECIMAL(18, 0).
      return 'DECIMAL(38, 9)';
    case 'float':
      return 'FLOAT';
    case 'text':
      return 'NVARCHAR(MAX)';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'DATETIME2';
    case 'boolean':
      return 'BIT';
    default:
      return assertNever(type, 'cast type');
  }
}
