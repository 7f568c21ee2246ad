import { describe, expect, test } from 'vitest';
import type { TimeGrain, TimeUnit } from '../ast/expression.js';
import { expectPrinted, NOT_SUPPORTED, type PerDialect, rows } from './printing-expectations.test-helper.js';
import { getPrinting } from './printing-registry.js';

// Engine-level checks of these (on real SQLite, DuckDB, PostgreSQL, MariaDB) are in test/engines/print-time.test.ts.

describe('timeTrunc: every grain, ISO weeks starting Monday', () => {
  const x = 'x';
  const expected: PerDialect<Record<TimeGrain, string>> = {
    sqlite: {
      hour: "strftime('%Y-%m-%d %H:00:00', x)",
      day: 'date(x)',
      week: "date(x, 'weekday 0', '-6 days')",
      month: "date(x, 'start of month')",
      quarter:
        "date(x, 'start of month', '-' || ((CAST(strftime('%m', x) AS INTEGER) - 1) % 3) || ' months')",
      year: "date(x, 'start of year')",
    },
    duckdb: {
      hour: "DATE_TRUNC('hour', x)",
      day: "DATE_TRUNC('day', x)",
      week: "DATE_TRUNC('week', x)",
      month: "DATE_TRUNC('month', x)",
      quarter: "DATE_TRUNC('quarter', x)",
      year: "DATE_TRUNC('year', x)",
    },
    postgres: {
      hour: "DATE_TRUNC('hour', x)",
      day: "DATE_TRUNC('day', x)",
      week: "DATE_TRUNC('week', x)",
      month: "DATE_TRUNC('month', x)",
      quarter: "DATE_TRUNC('quarter', x)",
      year: "DATE_TRUNC('year', x)",
    },
    mysql: {
      hour: 'DATE_ADD(DATE(x), INTERVAL HOUR(x) HOUR)',
      day: 'DATE(x)',
      week: 'DATE_SUB(DATE(x), INTERVAL WEEKDAY(x) DAY)',
      month: 'DATE_SUB(DATE(x), INTERVAL DAYOFMONTH(x) - 1 DAY)',
      quarter: 'DATE_ADD(MAKEDATE(YEAR(x), 1), INTERVAL QUARTER(x) - 1 QUARTER)',
      year: 'MAKEDATE(YEAR(x), 1)',
    },
    snowflake: {
      hour: "DATE_TRUNC('HOUR', x)",
      day: "DATE_TRUNC('DAY', x)",
      week: "DATEADD(day, 1 - DAYOFWEEKISO(x), DATE_TRUNC('DAY', x))",
      month: "DATE_TRUNC('MONTH', x)",
      quarter: "DATE_TRUNC('QUARTER', x)",
      year: "DATE_TRUNC('YEAR', x)",
    },
    bigquery: {
      hour: 'DATE_TRUNC(x, HOUR)',
      day: 'DATE_TRUNC(x, DAY)',
      week: 'DATE_TRUNC(x, ISOWEEK)',
      month: 'DATE_TRUNC(x, MONTH)',
      quarter: 'DATE_TRUNC(x, QUARTER)',
      year: 'DATE_TRUNC(x, YEAR)',
    },
    clickhouse: {
      hour: 'toStartOfHour(x)',
      day: 'toStartOfDay(x)',
      week: 'toMonday(x)',
      month: 'toStartOfMonth(x)',
      quarter: 'toStartOfQuarter(x)',
      year: 'toStartOfYear(x)',
    },
    tsql: {
      hour: 'DATETIME2FROMPARTS(YEAR(x), MONTH(x), DAY(x), DATEPART(hour, x), 0, 0, 0, 0)',
      day: 'CAST(x AS DATE)',
      week: "DATEADD(day, -((DATEDIFF(day, CAST('19000101' AS DATE), x) % 7 + 7) % 7), CAST(x AS DATE))",
      month: 'DATEFROMPARTS(YEAR(x), MONTH(x), 1)',
      quarter: 'DATEFROMPARTS(YEAR(x), (DATEPART(quarter, x) - 1) * 3 + 1, 1)',
      year: 'DATEFROMPARTS(YEAR(x), 1, 1)',
    },
  };
  test.each(rows(expected))('%s', (dialect, grains) => {
    const printing = getPrinting(dialect);
    for (const [grain, sql] of Object.entries(grains) as [TimeGrain, string][]) {
      expect(printing.timeTrunc(grain, x)).toBe(sql);
    }
  });

  test('no dialect relies on DATE_TRUNC where the engine lacks it or on a week-start setting', () => {
    expect(getPrinting('tsql').timeTrunc('month', 'x')).not.toMatch(/DATE_?TRUNC/i);
    expect(getPrinting('tsql').timeTrunc('week', 'x')).not.toMatch(/weekday|DATEFIRST/i);
    expect(getPrinting('snowflake').timeTrunc('week', 'x')).not.toMatch(/'WEEK'/);
  });
});

describe('timeAdd', () => {
  const cases: [TimeUnit, number][] = [
    ['month', -1],
    ['quarter', 2],
    ['week', 1],
    ['hour', 5],
  ];
  const expected: PerDialect<string[]> = {
    sqlite: [
      "datetime(x, '-1 months', 'floor')",
      "datetime(x, '+6 months', 'floor')",
      "datetime(x, '+7 days')",
      "datetime(x, '+5 hours')",
    ],
    duckdb: [
      "(x + INTERVAL '-1 month')",
      "(x + INTERVAL '6 month')",
      "(x + INTERVAL '1 week')",
      "(x + INTERVAL '5 hour')",
    ],
    postgres: [
      "(x + INTERVAL '-1 month')",
      "(x + INTERVAL '6 month')",
      "(x + INTERVAL '1 week')",
      "(x + INTERVAL '5 hour')",
    ],
    mysql: [
      'DATE_ADD(x, INTERVAL -1 MONTH)',
      'DATE_ADD(x, INTERVAL 2 QUARTER)',
      'DATE_ADD(x, INTERVAL 1 WEEK)',
      'DATE_ADD(x, INTERVAL 5 HOUR)',
    ],
    snowflake: [
      'DATEADD(month, -1, x)',
      'DATEADD(quarter, 2, x)',
      'DATEADD(week, 1, x)',
      'DATEADD(hour, 5, x)',
    ],
    bigquery: [
      'CAST(DATETIME_ADD(CAST(x AS DATETIME), INTERVAL -1 MONTH) AS TIMESTAMP)',
      'CAST(DATETIME_ADD(CAST(x AS DATETIME), INTERVAL 6 MONTH) AS TIMESTAMP)',
      'CAST(DATETIME_ADD(CAST(x AS DATETIME), INTERVAL 7 DAY) AS TIMESTAMP)',
      'CAST(DATETIME_ADD(CAST(x AS DATETIME), INTERVAL 5 HOUR) AS TIMESTAMP)',
    ],
    clickhouse: ['addMonths(x, -1)', 'addQuarters(x, 2)', 'addWeeks(x, 1)', 'addHours(x, 5)'],
    tsql: ['DATEADD(month, -1, x)', 'DATEADD(quarter, 2, x)', 'DATEADD(week, 1, x)', 'DATEADD(hour, 5, x)'],
  };
  test.each(rows(expected))('%s', (dialect, sqls) => {
    const printing = getPrinting(dialect);
    expect(cases.map(([unit, amount]) => printing.timeAdd(unit, amount, 'x'))).toEqual(sqls);
    expect(() => printing.timeAdd('hour', 1.5, 'x')).toThrow(/whole number/);
  });
});

describe('interval', () => {
  const expected: PerDialect<[string | typeof NOT_SUPPORTED, string | typeof NOT_SUPPORTED]> = {
    sqlite: [NOT_SUPPORTED, NOT_SUPPORTED],
    duckdb: ["INTERVAL '30 day'", "INTERVAL '-3 month'"],
    postgres: ["INTERVAL '30 day'", "INTERVAL '-3 month'"],
    mysql: ['INTERVAL 30 DAY', 'INTERVAL -1 QUARTER'],
    snowflake: ["INTERVAL '30 day'", NOT_SUPPORTED],
    bigquery: ['INTERVAL 30 DAY', 'INTERVAL -3 MONTH'],
    clickhouse: ['INTERVAL 30 DAY', 'INTERVAL -1 QUARTER'],
    tsql: [NOT_SUPPORTED, NOT_SUPPORTED],
  };
  test.each(rows(expected))('%s', (dialect, [thirtyDays, quarterBack]) => {
    const printing = getPrinting(dialect);
    expectPrinted(() => printing.interval('day', 30), thirtyDays);
    expectPrinted(() => printing.interval('quarter', -1), quarterBack);
    expect(thirtyDays !== NOT_SUPPORTED).toBe(printing.supportsIntervalLiteral);
  });
});
