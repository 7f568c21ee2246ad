import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isKtxError } from '../../src/core/index.js';
import { type Expr, sqlExpr as e, getPrinting, printQuery } from '../../src/sql/index.js';
import { availableEngines, type Cell, openPrintEngine, type PrintEngine } from './print-engines.js';
import { inlineRows, input, selectFromRows } from './print-fixtures.js';

// The portable function table, executed on real engines and compared with values computed in JS.

const ROWS: Cell[][] = [
  ['a', 1, 'Ab'],
  ['a', 2, 'héllo  '],
  ['a', 2, null],
  ['a', 4, 'x'],
  ['a', null, 'y'],
  ['b', 2, 'B'],
  ['b', 4, 'b'],
  ['b', 4, 'b'],
  ['b', 5, 'b'],
  ['b', 5, 'b'],
  ['b', 7, 'b'],
  ['b', 9, 'b'],
];

function valuesOf(group: string): number[] {
  return ROWS.filter((row) => row[0] === group && row[1] !== null).map((row) => row[1] as number);
}

/** PERCENTILE_CONT: linear interpolation between the closest ranks. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function sampleStddev(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
}

describe.each(availableEngines())('%s aggregates', (dialect) => {
  let engine: PrintEngine;
  beforeAll(async () => {
    engine = await openPrintEngine(dialect);
  });
  afterAll(() => engine?.close());

  const rowsInput = inlineRows(
    [
      { name: 'id', type: 'integer' },
      { name: 'g', type: 'text' },
      { name: 'v', type: 'integer' },
      { name: 's', type: 'text' },
    ],
    ROWS.map((row, index) => [index, ...row]),
  );
  const perGroup = async (exprs: Expr[]) => {
    const columns = [
      { expr: input('g'), alias: 'g' },
      ...exprs.map((expr, index) => ({ expr, alias: `m${index}` })),
    ];
    const query = selectFromRows(rowsInput, columns, {
      groupBy: [input('g')],
      orderBy: [{ expr: input('g'), direction: 'asc' }],
    });
    return engine.query(printQuery(query, dialect));
  };
  const v = input('v');

  test('sum, count, count distinct, avg (a float average), min, max', async () => {
    const rows = await perGroup([
      e.call('sum', [v]),
      e.call('count', [e.star()]),
      e.call('count', [v]),
      e.call('count_distinct', [v]),
      e.call('sum', [v], { distinct: true }),
      e.call('avg', [v]),
      e.call('min', [v]),
      e.call('max', [v]),
    ]);
    expect(rows).toEqual([
      ['a', 9, 5, 4, 3, 7, 2.25, 1, 4],
      ['b', 36, 7, 7, 5, 27, expect.closeTo(36 / 7, 12), 2, 9],
    ]);
  });

  test('median and percentile are exact and interpolate, where the dialect has them', async () => {
    const printing = getPrinting(dialect);
    const median = e.call('median', [v]);
    const p90 = e.call('percentile', [v, e.number('0.9')]);
    if (!printing.supportsMedian) {
      expect(() => printQuery(selectFromRows(rowsInput, [{ expr: median }]), dialect)).toThrow(
        expect.objectContaining({ code: 'unsupported_expression' }),
      );
      return;
    }
    const rows = await perGroup([median, p90]);
    expect(rows).toEqual([
      ['a', percentile(valuesOf('a'), 0.5), expect.closeTo(percentile(valuesOf('a'), 0.9), 12)],
      ['b', percentile(valuesOf('b'), 0.5), expect.closeTo(percentile(valuesOf('b'), 0.9), 12)],
    ]);
    expect(rows[0]?.[1]).toBe(2);
  });

  test('stddev is the sample standard deviation, where the dialect has it', async () => {
    const stddev = e.call('stddev', [v]);
    if (!getPrinting(dialect).supportsStddev) {
      try {
        printQuery(selectFromRows(rowsInput, [{ expr: stddev }]), dialect);
        expect.unreachable();
      } catch (error) {
        expect(isKtxError(error, 'unsupported_expression')).toBe(true);
        expect((error as Error).message).toContain(getPrinting(dialect).displayName);
      }
      return;
    }
    const rows = await perGroup([stddev]);
    expect(rows).toEqual([
      ['a', expect.closeTo(sampleStddev(valuesOf('a')), 12)],
      ['b', expect.closeTo(sampleStddev(valuesOf('b')), 12)],
    ]);
  });

  // upper/lower of non-ASCII text follow the database's collation (PostgreSQL under the C locale and
  // SQLite fold ASCII only), so case is checked on ASCII values.
  test('scalar functions: length in characters, case, abs, coalesce, nullif, round', async () => {
    const s = input('s');
    const ascii = e.caseWhen([e.whenThen(e.eq(s, e.string('héllo  ')), e.string('hello'))], s);
    const columns = [
      e.call('length', [s]),
      e.call('lower', [ascii]),
      e.call('upper', [ascii]),
      e.call('abs', [e.unary('-', v)]),
      e.call('coalesce', [s, e.string('none')]),
      e.call('nullif', [v, e.number(2)]),
      e.call('round', [e.safeDivide(v, e.number(3)), e.number(1)]),
    ].map((expr, index) => ({ expr, alias: `f${index}` }));
    const query = selectFromRows(rowsInput, columns, {
      where: e.binary('and', e.eq(input('g'), e.string('a')), e.isNull(v, true)),
      orderBy: [
        { expr: v, direction: 'asc' },
        { expr: input('id'), direction: 'asc' },
      ],
    });
    const rows = await engine.query(printQuery(query, dialect));
    expect(rows).toEqual([
      [2, 'ab', 'AB', 1, 'Ab', 1, 0.3],
      [7, 'hello', 'HELLO', 2, 'héllo  ', null, 0.7],
      [null, null, null, 2, 'none', null, 0.7],
      [1, 'x', 'X', 4, 'x', 4, 1.3],
    ]);
  });

  test('current_date and current_timestamp run', async () => {
    const query = selectFromRows(rowsInput, [
      { expr: e.call('current_date', []), alias: 'today' },
      { expr: e.call('current_timestamp', []), alias: 'now' },
    ]);
    const [first] = await engine.query(printQuery(query, dialect));
    expect(String(first?.[0])).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(String(first?.[1])).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});
