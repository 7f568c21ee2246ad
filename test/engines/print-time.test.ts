import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  sqlExpr as e,
  printQuery,
  type SelectItem,
  type TimeGrain,
  type TimeUnit,
} from '../../src/sql/index.js';
import { availableEngines, normaliseTime, openPrintEngine, type PrintEngine } from './print-engines.js';
import { inlineRows, input, selectFromRows } from './print-fixtures.js';

// Printed time truncation and offsets, executed on real engines and compared with UTC arithmetic in JS.

const MOMENTS = [
  '2025-01-06 00:00:00', // Monday: its own week
  '2025-01-05 23:59:59', // Sunday late: the week began the Monday before
  '2024-12-30 12:00:00', // Monday whose ISO week straddles the new year
  '2024-12-31 23:59:59', // last second of a year and quarter
  '2025-01-01 00:00:00', // first second of a year (a Wednesday)
  '2024-02-29 23:30:00', // leap day, late
  '2024-03-31 08:15:00', // quarter end, Sunday
  '2024-04-01 00:00:01', // quarter start, Monday
  '2024-06-30 23:59:59', // half-year end, Sunday
  '2023-01-01 10:00:00', // Sunday, first of a year
  '2021-01-03 18:45:00', // Sunday
  '2000-02-29 12:00:00', // leap day of a century year
  '1999-12-31 23:00:00', // Friday before 2000
  '2024-09-30 23:59:59', // Monday, quarter end
  '2024-11-10 05:00:00', // Sunday
];

const GRAINS: TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
const DAY = 86_400_000;

const parse = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const format = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/** The start of the grain, computed independently of any engine. */
function truncate(text: string, grain: TimeGrain): string {
  const date = parse(text);
  const [y, m, d, h] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours()];
  switch (grain) {
    case 'hour':
      return format(new Date(Date.UTC(y, m, d, h)));
    case 'day':
      return format(new Date(Date.UTC(y, m, d)));
    case 'week':
      return format(new Date(Date.UTC(y, m, d) - ((date.getUTCDay() + 6) % 7) * DAY));
    case 'month':
      return format(new Date(Date.UTC(y, m, 1)));
    case 'quarter':
      return format(new Date(Date.UTC(y, m - (m % 3), 1)));
    case 'year':
      return format(new Date(Date.UTC(y, 0, 1)));
  }
}

/** Calendar steps clamp to the month's last day; clock steps add exact durations (UTC has no DST). */
function offset(text: string, unit: TimeUnit, amount: number): string {
  const date = parse(text);
  const months =
    unit === 'month' ? amount : unit === 'quarter' ? amount * 3 : unit === 'year' ? amount * 12 : 0;
  if (months !== 0) {
    const target = date.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), target + 1, 0)).getUTCDate();
    const moved = new Date(date);
    moved.setUTCDate(1);
    moved.setUTCMonth(target);
    moved.setUTCDate(Math.min(date.getUTCDate(), lastDay));
    return format(moved);
  }
  const milliseconds = { second: 1_000, minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY }[
    unit as 'day'
  ];
  return format(new Date(date.getTime() + amount * milliseconds));
}

const OFFSETS: [string, TimeUnit, number][] = [
  ['2024-01-31 10:00:00', 'month', 1],
  ['2024-03-31 10:00:00', 'month', -1],
  ['2024-02-29 00:00:00', 'year', 1],
  ['2024-11-30 08:00:00', 'quarter', 1],
  ['2024-05-31 23:59:59', 'quarter', -1],
  ['2024-12-31 22:00:00', 'hour', 5],
  ['2024-12-31 23:30:00', 'minute', 90],
  ['2025-01-01 00:00:10', 'second', -30],
  ['2024-02-28 12:00:00', 'day', 2],
  ['2024-12-25 12:00:00', 'week', 2],
  ['2025-03-01 00:00:00', 'day', -1],
];

describe.each(availableEngines())('%s time', (dialect) => {
  let engine: PrintEngine;
  beforeAll(async () => {
    engine = await openPrintEngine(dialect);
  });
  afterAll(() => engine?.close());

  const run = async (columns: SelectItem[], rows: (string | number)[][]) => {
    const rowsInput = inlineRows(
      [{ name: 'id' }, { name: 'ts', type: 'timestamp' }, { name: 'd', type: 'date' }],
      rows.map((row, index) => [index, ...row]),
    );
    const sql = printQuery(
      selectFromRows(rowsInput, columns, { orderBy: [{ expr: input('id'), direction: 'asc' }] }),
      dialect,
    );
    return (await engine.query(sql)).map((row) => row.map(normaliseTime));
  };

  test('truncates timestamps and dates to every grain, weeks starting Monday', async () => {
    const columns = GRAINS.flatMap((grain): SelectItem[] => [
      { expr: e.timeTrunc(grain, input('ts')), alias: `ts_${grain}` },
      { expr: e.timeTrunc(grain, input('d')), alias: `d_${grain}` },
    ]);
    const rows = await run(
      columns,
      MOMENTS.map((moment) => [moment, moment.slice(0, 10)]),
    );
    const expected = MOMENTS.map((moment) =>
      GRAINS.flatMap((grain) => [
        truncate(moment, grain),
        truncate(`${moment.slice(0, 10)} 00:00:00`, grain),
      ]),
    );
    expect(rows).toEqual(expected);
  });

  test('a Monday is its own week start and a Sunday belongs to the Monday before', async () => {
    const rows = await run(
      [{ expr: e.timeTrunc('week', input('d')), alias: 'week' }],
      [
        ['2025-01-06 00:00:00', '2025-01-06'],
        ['2025-01-12 00:00:00', '2025-01-12'],
      ],
    );
    expect(rows).toEqual([['2025-01-06 00:00:00'], ['2025-01-06 00:00:00']]);
  });

  test('moves timestamps by every unit, clamping month steps to the month end', async () => {
    const columns = OFFSETS.map(
      ([, unit, amount], index): SelectItem => ({
        expr: e.caseWhen([
          e.whenThen(e.eq(input('id'), e.number(index)), e.timeAdd(input('ts'), amount, unit)),
        ]),
        alias: `offset_${index}`,
      }),
    );
    const rows = await run(
      columns,
      OFFSETS.map(([moment]) => [moment, moment.slice(0, 10)]),
    );
    const diagonal = rows.map((row, index) => row[index]);
    expect(diagonal).toEqual(OFFSETS.map(([moment, unit, amount]) => offset(moment, unit, amount)));
  });

  test('moves dates by calendar units', async () => {
    const rows = await run(
      [
        { expr: e.timeAdd(input('d'), 1, 'month'), alias: 'next_month' },
        { expr: e.timeAdd(input('d'), -1, 'year'), alias: 'last_year' },
        { expr: e.timeAdd(input('d'), 1, 'week'), alias: 'next_week' },
      ],
      [
        ['2024-01-31 00:00:00', '2024-01-31'],
        ['2024-02-29 00:00:00', '2024-02-29'],
      ],
    );
    expect(rows).toEqual([
      ['2024-02-29 00:00:00', '2023-01-31 00:00:00', '2024-02-07 00:00:00'],
      ['2024-03-29 00:00:00', '2023-02-28 00:00:00', '2024-03-07 00:00:00'],
    ]);
  });

  test('adds interval values to timestamps (SQLite has no interval values: it must refuse, not guess)', async () => {
    if (dialect === 'sqlite') {
      await expect(
        run(
          [{ expr: e.binary('+', input('ts'), e.interval(1, 'day')), alias: 'tomorrow' }],
          [['2024-05-31 23:00:00', '2024-05-31']],
        ),
      ).rejects.toMatchObject({
        code: 'unsupported_expression',
      });
      return;
    }
    const rows = await run(
      [
        { expr: e.binary('+', input('ts'), e.interval(1, 'day')), alias: 'tomorrow' },
        { expr: e.binary('-', input('ts'), e.interval(2, 'hour')), alias: 'earlier' },
        { expr: e.binary('+', input('ts'), e.interval(-1, 'quarter')), alias: 'quarter_back' },
      ],
      [['2024-05-31 23:00:00', '2024-05-31']],
    );
    expect(rows).toEqual([['2024-06-01 23:00:00', '2024-05-31 21:00:00', '2024-02-29 23:00:00']]);
  });
});
