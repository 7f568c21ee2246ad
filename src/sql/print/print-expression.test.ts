import { describe, expect, test } from 'vitest';
import type { Expr } from '../ast/expression.js';
import * as e from '../ast/expression-factories.js';
import { DIALECT_NAMES } from '../dialect-name.js';
import { printExpr } from './print-expression.js';
import { type PerDialect, rows } from './printing-expectations.test-helper.js';

const a = e.column('a');
const b = e.column('b');
const c = e.column('c');
const one = e.number(1);

/** Printed for PostgreSQL: the parenthesisation rules are the same in every dialect. */
const pg = (expr: Expr) => printExpr(expr, 'postgres');

describe('parentheses', () => {
  test('same-level arithmetic is left-associative; the right side is always parenthesised', () => {
    expect(pg(e.binary('-', e.binary('-', a, b), c))).toBe('"a" - "b" - "c"');
    expect(pg(e.binary('-', a, e.binary('-', b, c)))).toBe('"a" - ("b" - "c")');
    expect(pg(e.binary('/', e.binary('*', a, b), c))).toBe('("a" * "b") / "c"');
    expect(pg(e.binary('*', e.binary('*', a, b), c))).toBe('"a" * "b" * "c"');
  });

  test('multiplication inside addition, arithmetic inside comparison, stay bare', () => {
    expect(pg(e.binary('+', a, e.binary('*', b, c)))).toBe('"a" + "b" * "c"');
    expect(pg(e.binary('*', e.binary('+', a, b), c))).toBe('("a" + "b") * "c"');
    expect(pg(e.binary('>', e.binary('+', a, one), b))).toBe('"a" + 1 > "b"');
  });

  test('AND inside OR and comparisons inside AND stay bare; OR inside AND does not', () => {
    const eq = e.binary('=', a, one);
    expect(pg(e.binary('or', e.binary('and', eq, b), c))).toBe('"a" = 1 AND "b" OR "c"');
    expect(pg(e.binary('and', e.binary('or', eq, b), c))).toBe('("a" = 1 OR "b") AND "c"');
    expect(pg(e.binary('=', e.binary('=', a, b), c))).toBe('("a" = "b") = "c"');
  });

  test('NOT, signs, BETWEEN and dialect operators are parenthesised when nested', () => {
    expect(pg(e.unary('not', e.binary('=', a, one)))).toBe('NOT ("a" = 1)');
    expect(pg(e.unary('-', e.number(-1)))).toBe('-(-1)');
    expect(pg(e.binary('*', a, e.number(-1)))).toBe('"a" * (-1)');
    expect(pg(e.binary('and', e.between(a, one, e.number(5)), b))).toBe('("a" BETWEEN 1 AND 5) AND "b"');
    expect(pg(e.binary('and', e.nullSafeEquals(a, b), c))).toBe('("a" IS NOT DISTINCT FROM "b") AND "c"');
    expect(pg(e.timeAdd(e.binary('+', a, b), 1, 'day'))).toBe(`(("a" + "b") + INTERVAL '1 day')`);
  });

  test('concatenation chains flatten into one call', () => {
    const chain = e.binary('||', e.binary('||', a, e.string('-')), b);
    expect(printExpr(chain, 'mysql')).toBe("CONCAT(`a`, '-', `b`)");
    expect(pg(e.binary('=', chain, c))).toBe(`("a" || '-' || "b") = "c"`);
  });

  test('IS NULL, IN and CASE', () => {
    expect(pg(e.isNull(e.binary('+', a, one), true))).toBe('"a" + 1 IS NOT NULL');
    expect(pg(e.inList(a, [one, e.number(2)], true))).toBe('"a" NOT IN (1, 2)');
    const simple = e.caseOf(a, [e.whenThen(one, e.string('x'))], e.nullLiteral());
    expect(pg(simple)).toBe(`CASE "a" WHEN 1 THEN 'x' ELSE NULL END`);
  });

  test('raw SQL is parenthesised, with a line break after a trailing comment', () => {
    expect(pg(e.raw('select 1 -- one'))).toBe('(select 1 -- one\n)');
  });
});

describe('booleans as values and values as predicates', () => {
  const predicate = e.binary('>', a, one);
  const expected: PerDialect<[string, string]> = {
    sqlite: ['"a" > 1', '"b"'],
    duckdb: ['"a" > 1', '"b"'],
    postgres: ['"a" > 1', '"b"'],
    mysql: ['`a` > 1', '`b`'],
    snowflake: ['"a" > 1', '"b"'],
    bigquery: ['`a` > 1', '`b`'],
    clickhouse: ['`a` > 1', '`b`'],
    tsql: ['CASE WHEN [a] > 1 THEN 1 WHEN NOT ([a] > 1) THEN 0 END', '([b] = 1)'],
  };
  test.each(rows(expected))('%s', (dialect, [asValue, asPredicate]) => {
    expect(printExpr(predicate, dialect)).toBe(asValue);
    expect(printExpr(b, dialect, { context: 'predicate' })).toBe(asPredicate);
    expect(printExpr(predicate, dialect, { context: 'predicate' })).toBe(
      asValue.includes('CASE') ? '[a] > 1' : asValue,
    );
  });

  test('T-SQL converts at every boundary between predicates and values', () => {
    const flagOrBig = e.binary('or', b, e.boolean(true));
    expect(printExpr(flagOrBig, 'tsql', { context: 'predicate' })).toBe('([b] = 1) OR (1 = 1)');
    const countIf = e.call('sum', [e.caseWhen([e.whenThen(b, one)], e.number(0))]);
    expect(printExpr(countIf, 'tsql')).toBe('SUM(CASE WHEN ([b] = 1) THEN 1 ELSE 0 END)');
    expect(printExpr(e.cast(predicate, 'boolean'), 'tsql')).toBe(
      'CAST(CASE WHEN [a] > 1 THEN 1 WHEN NOT ([a] > 1) THEN 0 END AS BIT)',
    );
  });
});

describe('malformed nodes are internal errors', () => {
  test.each(DIALECT_NAMES)('%s', (dialect) => {
    expect(() => printExpr(e.number('1; drop table t'), dialect)).toThrow(/not a number literal/);
    expect(() => printExpr({ kind: 'in', operand: a, values: [], negated: false }, dialect)).toThrow(
      /IN needs/,
    );
    expect(() => printExpr({ kind: 'case', whens: [] }, dialect)).toThrow(/CASE needs/);
  });
});
