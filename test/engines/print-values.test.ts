import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type CastType,
  type Expr,
  sqlExpr as e,
  getPrinting,
  printQuery,
  type SelectItem,
} from '../../src/sql/index.js';
import {
  availableEngines,
  type Cell,
  normaliseTime,
  openPrintEngine,
  type PrintEngine,
} from './print-engines.js';
import { inlineRows, input, literal, selectFromRows } from './print-fixtures.js';

// Division, NULL-safe equality, casts, concatenation, literals and quoting, executed on real engines.

describe.each(availableEngines())('%s values', (dialect) => {
  let engine: PrintEngine;
  beforeAll(async () => {
    engine = await openPrintEngine(dialect);
  });
  afterAll(() => engine?.close());

  /** Evaluates each expression over the rows (columns a, b) and returns one row of results per input row. */
  const evaluate = async (rows: Cell[][], exprs: Expr[], types: [CastType?, CastType?] = []) => {
    const rowsInput = inlineRows(
      [{ name: 'id' }, { name: 'a', type: types[0] }, { name: 'b', type: types[1] }].map((column) =>
        column.type ? column : { name: column.name },
      ),
      rows.map((row, index) => [index, ...row]),
    );
    const columns = exprs.map((expr, index): SelectItem => ({ expr, alias: `v${index}` }));
    const sql = printQuery(
      selectFromRows(rowsInput, columns, { orderBy: [{ expr: input('id'), direction: 'asc' }] }),
      dialect,
    );
    return (await engine.query(sql)).map((row) => row.map(normaliseTime));
  };
  const a = input('a');
  const b = input('b');

  test('safeDivide divides integers as floats and yields NULL on a zero or NULL divisor', async () => {
    const rows = await evaluate(
      [
        [1, 3],
        [7, 0],
        [null, 2],
        [-7, 2],
        [7, null],
      ],
      [e.safeDivide(a, b)],
      ['integer', 'integer'],
    );
    expect(rows[0]?.[0]).toBeCloseTo(1 / 3, 12);
    expect(rows.slice(1).map((row) => row[0])).toEqual([null, null, -3.5, null]);
  });

  test('safeDivide of decimals, and round() of the result', async () => {
    const rows = await evaluate(
      [
        [10, 4],
        [2, 3],
      ],
      [
        e.safeDivide(a, b),
        e.call('round', [e.safeDivide(a, b), e.number(2)]),
        e.call('round', [e.number('2.5')]),
      ],
      ['decimal', 'decimal'],
    );
    expect(rows).toEqual([
      [2.5, 2.5, 3],
      [expect.closeTo(2 / 3, 12), 0.67, 3],
    ]);
  });

  test('nullSafeEquals treats two NULLs as equal and is never NULL, as a value and as a filter', async () => {
    const pairs: Cell[][] = [
      [1, 1],
      [1, null],
      [null, null],
      [1, 2],
      [null, 2],
    ];
    const rows = await evaluate(
      pairs,
      [e.nullSafeEquals(a, b), e.not(e.nullSafeEquals(a, b))],
      ['integer', 'integer'],
    );
    expect(rows).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    const filtered = printQuery(
      selectFromRows(
        inlineRows(
          [
            { name: 'a', type: 'integer' },
            { name: 'b', type: 'integer' },
          ],
          pairs,
        ),
        [{ expr: e.call('count', [e.star()]), alias: 'n' }],
        { where: e.nullSafeEquals(a, b) },
      ),
      dialect,
    );
    expect(await engine.query(filtered)).toEqual([[2]]);
  });

  test('casts to every supported type', async () => {
    const printing = getPrinting(dialect);
    const casts: [CastType, Cell, Cell][] = [
      ['integer', '42', 42],
      ['decimal', '12.5', 12.5],
      ['float', '0.25', 0.25],
      ['text', 42, '42'],
      ['date', '2024-02-29', '2024-02-29 00:00:00'],
      ['timestamp', '2024-02-29 13:45:10', '2024-02-29 13:45:10'],
      ['boolean', 1, 1],
    ];
    const supported = casts.filter(([type]) => type !== 'boolean' || printing.supportsBooleanCast);
    const rows = await evaluate(
      [[0, 0]],
      supported.map(([type, value]) => e.cast(literal(value), type)),
    );
    expect(rows).toEqual([supported.map(([, , expected]) => expected)]);
  });

  test('decimal casts keep nine fraction digits where the engine has fixed-point decimals', async () => {
    const [[value]] = (await evaluate([[0, 0]], [e.cast(e.string('1.23456789'), 'decimal')])) as [[number]];
    expect(value).toBe(1.23456789);
  });

  test('concatenation is NULL when any part is, and flattens chains', async () => {
    const rows = await evaluate(
      [
        ['ab', 'cd'],
        ['ab', null],
      ],
      [
        e.binary('||', a, b),
        e.call('concat', [a, e.string('-'), b]),
        e.binary('||', e.binary('||', a, e.string('/')), a),
      ],
      ['text', 'text'],
    );
    expect(rows).toEqual([
      ['abcd', 'ab-cd', 'ab/ab'],
      [null, null, 'ab/ab'],
    ]);
  });

  test('modulo keeps the sign of the dividend', async () => {
    const rows = await evaluate(
      [
        [-7, 3],
        [7, 3],
      ],
      [e.binary('%', a, b)],
      ['integer', 'integer'],
    );
    expect(rows).toEqual([[-1], [1]]);
  });

  test('string literals read back exactly: quotes, backslashes, newlines, non-ASCII', async () => {
    const values = ["it's", 'C:\\dir\\', 'line\nbreak\ttab', 'é ü 中 🙂', "\\'", "''", '%_'];
    const rows = await evaluate(
      [[0, 0]],
      values.map((value) => e.string(value)),
    );
    expect(rows).toEqual([values]);
  });

  test('predicates used as values print as truth values', async () => {
    const rows = await evaluate(
      [
        [1, 2],
        [3, 2],
        [null, 2],
      ],
      [e.binary('<', a, b), e.binary('and', e.binary('<', a, b), e.boolean(true)), e.isNull(a)],
      ['integer', 'integer'],
    );
    expect(rows).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [null, null, 1],
    ]);
  });

  test('NULLs sort where nullOrdering says', async () => {
    const rowsInput = inlineRows([{ name: 'a', type: 'integer' }], [[2], [null], [1]]);
    const sorted = async (direction: 'asc' | 'desc') =>
      (
        await engine.query(
          printQuery(
            selectFromRows(rowsInput, [{ expr: a }], { orderBy: [{ expr: a, direction }] }),
            dialect,
          ),
        )
      ).map((row) => row[0]);
    const expected = {
      largest: [
        [1, 2, null],
        [null, 2, 1],
      ],
      smallest: [
        [null, 1, 2],
        [2, 1, null],
      ],
      last: [
        [1, 2, null],
        [2, 1, null],
      ],
    }[getPrinting(dialect).nullOrdering];
    expect([await sorted('asc'), await sorted('desc')]).toEqual(expected);
  });

  test('names that need quoting: keywords, mixed case, quote characters', async () => {
    const names = ['order', 'Group', 'My "odd" `name` [x]', 'select'];
    const table = 'Weird Table';
    const printing = getPrinting(dialect);
    const path = `${printing.quoteIdentifier(engine.schema)}.${printing.quoteIdentifier(table)}`;
    await engine.execute(
      `CREATE TABLE ${path} AS ${printQuery(
        inlineRows(
          names.map((name) => ({ name, type: 'integer' as const })),
          [[1, 2, 3, 4]],
        ),
        dialect,
      )}`,
    );
    const query = printQuery(
      {
        kind: 'select',
        ctes: [],
        distinct: false,
        columns: names.map((name) => ({ expr: e.column(name, 'from'), alias: `${name}!` })),
        from: { kind: 'table', path: [engine.schema, table], alias: 'from' },
        joins: [],
        groupBy: [],
        orderBy: [],
      },
      dialect,
    );
    expect(await engine.query(query)).toEqual([[1, 2, 3, 4]]);
  });
});
