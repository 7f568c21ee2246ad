import { describe, expect, test } from 'vitest';
import { isKtxError } from '../../core/index.js';
import type { Expr } from '../ast/expression.js';
import * as e from '../ast/expression-factories.js';
import { DIALECT_NAMES } from '../dialect-name.js';
import { isUnsupportedFunction } from './function-table.js';
import { printExpr } from './print-expression.js';
import {
  type Expected,
  expectPrinted,
  NOT_SUPPORTED,
  type PerDialect,
  rows,
} from './printing-expectations.test-helper.js';
import { getPrinting } from './printing-registry.js';
import { STANDARD_FUNCTIONS, type StandardFunctionName } from './standard-functions.js';

const x = e.column('x');

/** The calls whose spelling differs somewhere; the rest are checked generically below. */
const CALLS = {
  avg: e.call('avg', [x]),
  count_star: e.call('count', [e.star()]),
  count_distinct: e.call('count_distinct', [x]),
  sum_distinct: e.call('sum', [x], { distinct: true }),
  length: e.call('length', [x]),
  round: e.call('round', [x, e.number(2)]),
  median: e.call('median', [x]),
  percentile: e.call('percentile', [x, e.number('0.9')]),
  stddev: e.call('stddev', [x]),
  concat: e.call('concat', [x, e.string('-'), x]),
  current_date: e.call('current_date', []),
} satisfies Record<string, Expr>;

type Spellings = Record<keyof typeof CALLS, Expected>;

const standard: Spellings = {
  avg: 'AVG("x")',
  count_star: 'COUNT(*)',
  count_distinct: 'COUNT(DISTINCT "x")',
  sum_distinct: 'SUM(DISTINCT "x")',
  length: 'LENGTH("x")',
  round: 'ROUND("x", 2)',
  median: 'PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "x")',
  percentile: 'PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "x")',
  stddev: 'STDDEV_SAMP("x")',
  concat: `"x" || '-' || "x"`,
  current_date: 'CURRENT_DATE',
};

const expected: PerDialect<Spellings> = {
  sqlite: { ...standard, median: NOT_SUPPORTED, percentile: NOT_SUPPORTED, stddev: NOT_SUPPORTED },
  duckdb: standard,
  postgres: { ...standard, round: 'ROUND(CAST("x" AS NUMERIC), 2)' },
  mysql: {
    ...standard,
    avg: 'AVG(CAST(`x` AS DOUBLE))',
    count_distinct: 'COUNT(DISTINCT `x`)',
    sum_distinct: 'SUM(DISTINCT `x`)',
    length: 'CHAR_LENGTH(`x`)',
    round: 'ROUND(`x`, 2)',
    median: NOT_SUPPORTED,
    percentile: NOT_SUPPORTED,
    stddev: 'STDDEV_SAMP(CAST(`x` AS DOUBLE))',
    concat: "CONCAT(`x`, '-', `x`)",
  },
  snowflake: { ...standard, avg: 'AVG(CAST("x" AS DOUBLE))' },
  bigquery: {
    avg: 'AVG(`x`)',
    count_star: 'COUNT(*)',
    count_distinct: 'COUNT(DISTINCT `x`)',
    sum_distinct: 'SUM(DISTINCT `x`)',
    length: 'LENGTH(`x`)',
    round: 'ROUND(`x`, 2)',
    median: NOT_SUPPORTED,
    percentile: NOT_SUPPORTED,
    stddev: 'STDDEV_SAMP(`x`)',
    concat: "`x` || '-' || `x`",
    current_date: 'CURRENT_DATE()',
  },
  clickhouse: {
    avg: 'AVG(`x`)',
    count_star: 'COUNT(*)',
    count_distinct: 'COUNT(DISTINCT `x`)',
    sum_distinct: 'SUM(DISTINCT `x`)',
    length: 'lengthUTF8(`x`)',
    round: 'ROUND(`x`, 2)',
    median: 'quantileExactInclusive(0.5)(`x`)',
    percentile: 'quantileExactInclusive(0.9)(`x`)',
    stddev: 'stddevSamp(`x`)',
    concat: "concat(`x`, '-', `x`)",
    current_date: 'today()',
  },
  tsql: {
    avg: 'AVG(CAST([x] AS FLOAT))',
    count_star: 'COUNT_BIG(*)',
    count_distinct: 'COUNT_BIG(DISTINCT [x])',
    sum_distinct: 'SUM(DISTINCT [x])',
    length: "(LEN(CAST([x] AS NVARCHAR(MAX)) + N'.') - 1)",
    round: 'ROUND([x], 2)',
    median: NOT_SUPPORTED,
    percentile: NOT_SUPPORTED,
    stddev: 'STDEV([x])',
    concat: "CAST([x] AS NVARCHAR(MAX)) + CAST(N'-' AS NVARCHAR(MAX)) + CAST([x] AS NVARCHAR(MAX))",
    current_date: 'CAST(GETDATE() AS DATE)',
  },
};

describe.each(rows(expected))('%s function table', (dialect, spellings) => {
  const printing = getPrinting(dialect);

  test('prints each portable function, or refuses with a fix', () => {
    for (const [name, sql] of Object.entries(spellings) as [keyof typeof CALLS, Expected][]) {
      expectPrinted(() => printExpr(CALLS[name], dialect), sql);
    }
  });

  test('capability flags agree with the table', () => {
    const supported = (name: StandardFunctionName) =>
      !isUnsupportedFunction(printing.functions[name].spelling);
    expect(printing.supportsMedian).toBe(supported('median'));
    expect(printing.supportsPercentile).toBe(supported('percentile'));
    expect(printing.supportsStddev).toBe(supported('stddev'));
    expect(spellings.median !== NOT_SUPPORTED).toBe(printing.supportsMedian);
  });

  test('every standard function has a spelling for each argument count it takes', () => {
    for (const name of Object.keys(STANDARD_FUNCTIONS) as StandardFunctionName[]) {
      const entry = printing.functions[name];
      if (isUnsupportedFunction(entry.spelling) || typeof entry.spelling === 'string') continue;
      for (let count = entry.minArgs; count <= entry.maxArgs; count++)
        expect(entry.spelling[count]).toBeTruthy();
    }
  });
});

describe('function calls are checked before printing', () => {
  const refuses = (expr: Expr, message: RegExp) => {
    for (const dialect of DIALECT_NAMES) {
      try {
        printExpr(expr, dialect);
        expect.unreachable(`${dialect} printed ${JSON.stringify(expr)}`);
      } catch (error) {
        expect(isKtxError(error, 'unsupported_expression')).toBe(true);
        expect((error as Error).message).toMatch(message);
      }
    }
  };

  test('argument counts, DISTINCT and stars', () => {
    refuses(e.call('nullif', [x]), /nullif\(\) takes 2 argument/);
    refuses(e.call('coalesce', []), /at least 1/);
    refuses(e.call('min', [x], { distinct: true }), /does not take DISTINCT/);
    refuses(e.call('sum', [e.star()]), /only as count\(\*\)/);
    refuses(e.call('count', [e.star()], { distinct: true }), /only as count\(\*\)/);
  });

  test('percentile fractions must be literals between 0 and 1', () => {
    refuses(e.call('percentile', [x, e.number(90)]), /between 0 and 1/);
    refuses(e.call('percentile', [x, x]), /between 0 and 1/);
  });

  test('an unsupported function names the engine and the function', () => {
    expect(() => printExpr(CALLS.median, 'bigquery')).toThrow(/BigQuery cannot express median\(\) exactly/);
  });

  test('native functions print as written; odd names are refused', () => {
    expect(printExpr(e.call('date_part', [e.string('dow'), x]), 'postgres')).toBe(`date_part('dow', "x")`);
    expect(printExpr({ kind: 'call', name: 'toMonday', args: [x] }, 'clickhouse')).toBe('toMonday(`x`)');
    expect(() => printExpr({ kind: 'call', name: 'pg_sleep); --', args: [] }, 'postgres')).toThrow(
      /function name/,
    );
  });
});
