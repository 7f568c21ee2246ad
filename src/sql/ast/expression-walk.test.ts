import { describe, expect, test } from 'vitest';
import { parseExpression } from '../parse/parse-expression.js';
import type { Expr } from './expression.js';
import * as e from './expression-factories.js';
import {
  AGGREGATE_FUNCTIONS,
  columnRefs,
  containsAggregate,
  exprChildren,
  mapExpr,
  splitConjuncts,
  walkExpr,
} from './expression-walk.js';

function parse(text: string): Expr {
  const result = parseExpression(text, 'postgres');
  if (!result.ok) throw new Error(result.message);
  return result.expr;
}

/** One expression holding every node kind. */
const EVERY_KIND: Expr = e.and(
  e.caseOf(
    e.column('k'),
    [e.whenThen(e.string('x'), e.cast(e.unary('+', e.column('p')), 'integer'))],
    e.safeDivide(e.call('sum', [e.column('amount', 'o')]), e.call('count', [e.star()])),
  ),
  e.inList(e.column('s'), [e.number(1), e.boolean(true), e.nullLiteral()]),
  e.between(e.timeTrunc('month', e.column('d')), e.timeAdd(e.column('d'), -1, 'month'), e.interval(1, 'day')),
  e.isNull(e.nullSafeEquals(e.column('a'), e.raw('b')), true),
);

describe('walkExpr', () => {
  test('visits parents before children, in source order', () => {
    const names: string[] = [];
    walkExpr(parse('f(a, g(b), c) + d'), (node) => {
      names.push(node.kind === 'column' ? node.name : node.kind === 'call' ? node.name : node.kind);
      return true;
    });
    expect(names).toEqual(['binary', 'f', 'a', 'g', 'b', 'c', 'd']);
  });

  test('returning false skips the children', () => {
    const kinds: string[] = [];
    walkExpr(parse('sum(a) + b'), (node) => {
      kinds.push(node.kind);
      return node.kind !== 'call';
    });
    expect(kinds).toEqual(['binary', 'call', 'column']);
  });

  test('reaches every node kind', () => {
    const kinds = new Set<string>();
    walkExpr(EVERY_KIND, (node) => {
      kinds.add(node.kind);
      return true;
    });
    expect([...kinds].sort()).toEqual(
      [
        'between',
        'binary',
        'boolean',
        'call',
        'case',
        'cast',
        'column',
        'in',
        'interval',
        'is-null',
        'null',
        'null-safe-equals',
        'number',
        'raw',
        'safe-divide',
        'star',
        'string',
        'time-add',
        'time-trunc',
        'unary',
      ].sort(),
    );
  });

  test('handles a very deep tree without recursion', () => {
    let deep: Expr = e.column('x');
    for (let index = 0; index < 100_000; index++) deep = e.not(deep);
    let count = 0;
    walkExpr(deep, () => {
      count++;
      return true;
    });
    expect(count).toBe(100_001);
  });

  test('exprChildren lists CASE parts in source order', () => {
    expect(exprChildren(parse('case k when 1 then a else b end'))).toEqual([
      e.column('k'),
      e.number(1),
      e.column('a'),
      e.column('b'),
    ]);
  });
});

describe('mapExpr', () => {
  const qualify = (node: Expr): Expr =>
    node.kind === 'column' && node.table === undefined ? e.column(node.name, 'o') : node;

  test('rebuilds bottom-up', () => {
    expect(mapExpr(parse("sum(amount) or status in ('a', b)"), qualify)).toEqual(
      parse("sum(o.amount) or o.status in ('a', o.b)"),
    );
  });

  test('returns the same object when nothing changed, everywhere', () => {
    expect(mapExpr(EVERY_KIND, (node) => node)).toBe(EVERY_KIND);
    const qualified = parse('sum(o.amount) > 1 and o.x between 1 and 2');
    expect(mapExpr(qualified, qualify)).toBe(qualified);
  });

  test('keeps unchanged siblings by identity', () => {
    const original = parse('f(o.a, b) + g(o.c)');
    const mapped = mapExpr(original, qualify);
    if (mapped.kind !== 'binary' || original.kind !== 'binary') throw new Error('expected binary');
    expect(mapped.right).toBe(original.right);
    expect(mapped.left).not.toBe(original.left);
  });

  test('maps every child of every kind', () => {
    const renamed = mapExpr(EVERY_KIND, (node) =>
      node.kind === 'column' ? e.column(`${node.name}2`, node.table) : node,
    );
    expect(columnRefs(renamed).map((ref) => ref.name)).toEqual(['k2', 'p2', 'amount2', 's2', 'd2', 'a2']);
  });

  test('lets the function see rebuilt nodes', () => {
    const folded = mapExpr(parse('1 + 2 + a'), (node) =>
      node.kind === 'binary' && node.op === '+' && node.left.kind === 'number' && node.right.kind === 'number'
        ? e.number(Number(node.left.text) + Number(node.right.text))
        : node,
    );
    expect(folded).toEqual(parse('3 + a'));
  });
});

describe('columnRefs', () => {
  test('lists distinct references in order of first appearance', () => {
    expect(columnRefs(parse('a + t.a + a + t.b + case when c then t.a end'))).toEqual([
      e.column('a'),
      e.column('a', 't'),
      e.column('b', 't'),
      e.column('c'),
    ]);
  });

  test('ignores stars, literals and raw SQL', () => {
    expect(columnRefs(e.and(e.call('count', [e.star('t')]), e.raw('x = 1'), e.string('y')))).toEqual([]);
  });
});

describe('containsAggregate', () => {
  test.each([
    ['sum(amount) / 100.0', true],
    ['count(*)', true],
    ['count_distinct(x)', true],
    ['coalesce(max(x), 0)', true],
    ['case when a then median(x) end', true],
    ['percentile(x, 0.9)', true],
    ['lower(name)', false],
    ["status = 'paid'", false],
    ['sum', false],
  ])('%s → %s', (text, expected) => {
    expect(containsAggregate(parse(text))).toBe(expected);
  });

  test('knows the listed aggregates', () => {
    for (const name of [
      'stddev_samp',
      'var_pop',
      'any_value',
      'bool_or',
      'string_agg',
      'group_concat',
      'listagg',
    ]) {
      expect(AGGREGATE_FUNCTIONS.has(name)).toBe(true);
    }
    expect(AGGREGATE_FUNCTIONS.has('coalesce')).toBe(false);
  });
});

describe('splitConjuncts', () => {
  test.each([
    ['a and b and c', ['a', 'b', 'c']],
    ['a and (b and c)', ['a', 'b', 'c']],
    ['a or b and c', ['(a or b and c)']],
    ['(a or b) and c', ['(a or b)', 'c']],
    ['x between 1 and 2 and y', ['x between 1 and 2', 'y']],
    ['not (a and b)', ['not (a and b)']],
  ])('%s', (text, expected) => {
    expect(splitConjuncts(parse(text))).toEqual(expected.map(parse));
  });
});
