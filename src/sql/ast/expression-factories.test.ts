import { describe, expect, test } from 'vitest';
import type { Expr } from './expression.js';
import * as e from './expression-factories.js';

/** The plain branch object, spelled without a `then:` key (which the linter flags as thenable). */
function branch(when: Expr, then: Expr): { when: Expr; then: Expr } {
  return { when, then };
}

describe('expression factories', () => {
  const a = e.column('a');
  const b = e.column('b', 't');
  const c = e.number(3);

  test.each<[string, Expr, Expr]>([
    ['column', a, { kind: 'column', name: 'a' }],
    ['qualified column', b, { kind: 'column', table: 't', name: 'b' }],
    ['star', e.star(), { kind: 'star' }],
    ['qualified star', e.star('t'), { kind: 'star', table: 't' }],
    ['number from a JS number', c, { kind: 'number', text: '3' }],
    ['number from text', e.number('1.50'), { kind: 'number', text: '1.50' }],
    ['string', e.string("it's"), { kind: 'string', value: "it's" }],
    ['boolean', e.boolean(false), { kind: 'boolean', value: false }],
    ['null', e.nullLiteral(), { kind: 'null' }],
    ['call lower-cases ASCII', e.call('SUM', [a]), { kind: 'call', name: 'sum', args: [a] }],
    [
      'distinct call',
      e.call('count', [a], { distinct: true }),
      { kind: 'call', name: 'count', args: [a], distinct: true },
    ],
    ['eq', e.eq(a, c), { kind: 'binary', op: '=', left: a, right: c }],
    ['not', e.not(a), { kind: 'unary', op: 'not', operand: a }],
    ['negate', e.negate(a), { kind: 'unary', op: '-', operand: a }],
    ['isNull', e.isNull(a), { kind: 'is-null', operand: a, negated: false }],
    ['is not null', e.isNull(a, true), { kind: 'is-null', operand: a, negated: true }],
    ['inList', e.inList(a, [c]), { kind: 'in', operand: a, values: [c], negated: false }],
    ['between', e.between(a, c, c, true), { kind: 'between', operand: a, low: c, high: c, negated: true }],
    ['caseWhen without else', e.caseWhen([e.whenThen(a, c)]), { kind: 'case', whens: [branch(a, c)] }],
    [
      'caseWhen with else',
      e.caseWhen([e.whenThen(a, c)], b),
      { kind: 'case', whens: [branch(a, c)], else: b },
    ],
    ['caseOf', e.caseOf(a, [e.whenThen(c, b)]), { kind: 'case', operand: a, whens: [branch(c, b)] }],
    ['cast', e.cast(a, 'date'), { kind: 'cast', operand: a, type: 'date' }],
    ['interval', e.interval(-7, 'day'), { kind: 'interval', amount: -7, unit: 'day' }],
    ['timeTrunc', e.timeTrunc('month', a), { kind: 'time-trunc', grain: 'month', operand: a }],
    ['timeAdd', e.timeAdd(a, -1, 'year'), { kind: 'time-add', operand: a, amount: -1, unit: 'year' }],
    ['safeDivide', e.safeDivide(a, b), { kind: 'safe-divide', left: a, right: b }],
    ['nullSafeEquals', e.nullSafeEquals(a, b), { kind: 'null-safe-equals', left: a, right: b }],
    ['coalesce', e.coalesce(a, c), { kind: 'call', name: 'coalesce', args: [a, c] }],
    ['raw', e.raw('select 1'), { kind: 'raw', sql: 'select 1' }],
  ])('%s', (_name, built, expected) => {
    expect(built).toStrictEqual(expected);
  });

  test('and/or fold left over the defined terms', () => {
    expect(e.and(a, undefined, b, c)).toStrictEqual(e.binary('and', e.binary('and', a, b), c));
    expect(e.or(undefined, a)).toBe(a);
    expect(e.and()).toBeUndefined();
    expect(e.or(undefined, undefined)).toBeUndefined();
  });

  test('number refuses non-finite values', () => {
    expect(() => e.number(Number.NaN)).toThrow(/finite/);
    expect(() => e.number(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});
