import { describe, expect, test } from 'vitest';
import type { DialectName } from '../dialect-name.js';
import { parseExpression } from './parse-expression.js';

type Case = readonly [text: string, message: string, offset: number, dialect?: DialectName];

function refusal(text: string, dialect: DialectName = 'postgres'): { message: string; offset: number } {
  const result = parseExpression(text, dialect);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return { message: result.message, offset: result.offset };
}

function check(cases: readonly Case[]): void {
  for (const [text, message, offset, dialect] of cases) {
    test(JSON.stringify(text), () => {
      expect(refusal(text, dialect)).toEqual({ message, offset });
    });
  }
}

describe('parseExpression refuses what is not one expression', () => {
  describe('empty input', () => {
    check([
      ['', 'the fragment is empty', 0],
      ['   ', 'the fragment is empty', 0],
      ['-- only a comment', 'the fragment is empty', 0],
    ]);
  });

  describe('statements and `;`', () => {
    check([
      ['a; drop table x', '`;` ends the statement: a fragment must be one expression', 1],
      ['sum(x);', '`;` ends the statement: a fragment must be one expression', 6],
      ['select 1', '`SELECT` starts a query: a fragment must be one expression', 0],
      [
        'delete',
        '`delete` is a statement keyword, not allowed in a fragment (quote it to use it as a name)',
        0,
      ],
      [
        'x = 1 or update(y)',
        '`update` is a statement keyword, not allowed in a fragment (quote it to use it as a name)',
        9,
      ],
      [
        't.insert',
        '`insert` is a statement keyword, not allowed in a fragment (quote it to use it as a name)',
        2,
      ],
      [
        't.select',
        '`select` is a statement keyword, not allowed in a fragment (quote it to use it as a name)',
        2,
      ],
      [
        'a into b',
        '`into` is a statement keyword, not allowed in a fragment (quote it to use it as a name)',
        2,
      ],
    ]);

    test('a quoted statement word is a name', () => {
      expect(parseExpression('t."update"', 'postgres')).toEqual({
        ok: true,
        expr: { kind: 'column', table: 't', name: 'update' },
      });
    });
  });

  describe('subqueries', () => {
    check([
      ['(select max(x) from t)', 'a subquery is not allowed here', 1],
      ['a in (select id from t)', 'a subquery is not allowed here', 6],
      ['exists (select 1)', 'a subquery is not allowed here', 8],
      ['exists (t)', 'a subquery is not allowed here', 0],
      ['(with q as (x) x)', 'a subquery is not allowed here', 1],
      ['a = (values (1))', 'a subquery is not allowed here', 5],
    ]);
  });

  describe('window functions and aggregate clauses', () => {
    check([
      ['sum(x) over ()', 'window functions (`OVER`) are not allowed here', 7],
      ['row_number() OVER (partition by a)', 'window functions (`OVER`) are not allowed here', 13],
      ['a over (b)', 'window functions (`OVER`) are not allowed here', 2],
      [
        'sum(x) filter (where y = 1)',
        "`FILTER (WHERE …)` is not supported here: use the measure's `filter`",
        7,
      ],
      [
        'percentile_cont(0.5) within group (order by x)',
        '`WITHIN GROUP` is not supported: write `percentile(x, p)` or `median(x)`',
        21,
      ],
      ["string_agg(x, ',' order by x)", 'ORDER BY inside a call is not supported', 18],
      [
        'extract(year from created_at)',
        '`extract(… FROM …)` is not supported: pass the arguments separated by commas',
        13,
      ],
    ]);
  });

  describe('trailing tokens', () => {
    check([
      ['a b', 'found `b` after the end of the expression', 2],
      ['sum(x) as total', 'an alias (`AS …`) is not part of a fragment', 7],
      ['a, b', 'unexpected `,`: a fragment must be one expression', 1],
      ["x = 1 'y'", 'found a string after the end of the expression', 6],
      ['a from t', 'found FROM after the end of the expression', 2],
      ['a not b', 'found NOT after the end of the expression', 2],
      ['a @ b', 'found `@` after the end of the expression', 2],
    ]);
  });

  describe('unbalanced parentheses', () => {
    check([
      ['(a', 'unbalanced parentheses: this `(` is never closed', 0],
      ['sum(x', 'unbalanced parentheses: this `(` is never closed', 3],
      ['a in (1, 2', 'unbalanced parentheses: this `(` is never closed', 5],
      ['a)', 'unbalanced parentheses: no `(` opens this `)`', 1],
      ['(a))', 'unbalanced parentheses: no `(` opens this `)`', 3],
      ['(a b)', 'expected `)` to close the `(` at offset 0, found `b`', 3],
      ['()', 'expected an expression inside the parentheses', 1],
    ]);
  });

  describe('missing operands', () => {
    check([
      ['a and', 'expected an expression after AND', 5],
      ['a AND OR b', 'expected an expression after AND, found OR', 6],
      ['not', 'expected an expression after NOT', 3],
      ['a =', 'expected an expression after `=`', 3],
      ['a = not b', 'expected an expression after `=`, found NOT', 4],
      ['* 2', '`*` is only allowed as a function argument, as in count(*)', 0],
      ['sum(x,)', 'expected an expression after `,`, found `)`', 6],
      ['a between 1', 'expected AND between the bounds of BETWEEN', 11],
      ['a in 1', 'expected `(` after IN, found `1`', 5],
      ['a in ()', 'an IN list needs at least one value', 6],
      ['a is 1', 'expected NULL or DISTINCT FROM after IS, found `1`', 5],
    ]);
  });

  describe('names and calls', () => {
    check([
      ['a.b.c', '`a.b.c` has 3 name parts: write `column` or `source.column`', 0],
      [
        'db.public.orders.amount = 1',
        '`db.public.orders.amount` has 4 name parts: write `column` or `source.column`',
        0,
      ],
      ['t.*', '`t.*` is only allowed as a function argument, as in count(t.*)', 0],
      ['t.', 'expected a name after `.`', 2],
      ['sum(*, x)', '`*` must be the only argument, as in count(*)', 4],
      ['count(distinct *)', '`*` must be the only argument, as in count(*)', 6],
      ['count_distinct(a, b)', 'count_distinct takes exactly one argument', 0],
      ['count_distinct(*)', 'count_distinct takes exactly one argument', 0],
      ['pg_catalog.now()', 'a qualified function name is not supported', 0],
      ['"sum"(x)', 'a function name must be a bare word, not a quoted name', 0],
      ['sum(x y)', 'expected `,` or `)` after an argument of sum, found `y`', 6],
      ['current_time', 'CURRENT_TIME is not supported in a fragment', 0],
      ['$1 + 1', 'a parameter (`$1`) is not allowed in a fragment: write the value', 0],
      [
        '$x = 1',
        'a name starting with `$` (`$x`) must be quoted: engines read it as a parameter',
        0,
        'mysql',
      ],
      ['a = ?', 'expected an expression after `=`, found `?`', 4],
    ]);
  });

  describe('comparisons that engines group differently', () => {
    check([
      ['a = b = c', 'comparisons do not chain: add parentheses around the first one', 6],
      ["a = b like 'x'", 'comparisons do not chain: add parentheses around the first one', 6],
      ['a is null = true', 'comparisons do not chain: add parentheses around the first one', 10],
    ]);
  });

  describe('CASE, CAST and INTERVAL', () => {
    check([
      ['case end', 'expected WHEN in the CASE, found END', 5],
      ['case when a 1 end', 'expected THEN after the WHEN condition, found `1`', 12],
      ['case when a then 1', 'expected END to close the CASE at offset 0', 18],
      ['cast(x as geometry)', 'unknown cast type `geometry`', 10],
      ['x::geometry(point)', 'unknown cast type `geometry`', 3],
      ['cast(x as int', 'unbalanced parentheses: this `(` is never closed', 4],
      ['cast(x as int y)', 'expected `)` to close the CAST, found `y`', 14],
      ['cast(x)', 'expected AS after the CAST operand, found `)`', 6],
      ['cast(x as 1)', 'expected a type name after AS, found `1`', 10],
      ['x::', 'expected a type name after `::`', 3],
      ['cast(x as varchar(a))', "expected a number in the type's parameters, found `a`", 18],
      ["interval '1 day 2 hours'", "an interval must be one amount of one unit, like '30 days'", 9],
      ["interval '1.5 hours'", 'an interval amount must be a whole number', 9],
      ['interval 30', 'expected a unit (DAY, MONTH, …) after the interval amount', 11],
      ["interval '30 days' day", 'the interval names its unit twice', 19],
      [
        "interval '3 fortnights'",
        'unknown interval unit `fortnights`: use second, minute, hour, day, week, month, quarter, year',
        9,
      ],
    ]);
  });

  describe('lexing', () => {
    check([
      ["x = 'abc", 'the fragment holds an unterminated string literal', 4],
      ['"abc', 'the fragment holds an unterminated quoted identifier', 0],
      // The locator lands one character into a construct whose first character is also a token.
      ['a /* x', 'the fragment holds an unterminated block comment', 3],
      ['a\u200b = 1', 'the fragment holds the invisible or format character U+200B outside quotes', 1],
      ['a = 1\u0001', 'the fragment holds the control character U+0001', 5],
      ['a\0', 'the fragment holds a NUL character (engines cut the text there)', 1],
      [
        'a -- x\rb',
        'the fragment holds a carriage return not followed by a line feed (engines disagree on where it ends a comment)',
        6,
      ],
      [
        "'a\\%'",
        'the escape `\\%` reads differently in different engines: write the character itself, or `\\\\` for a backslash',
        2,
        'mysql',
      ],
      [
        "E'\\x41'",
        'the escape `\\x` reads differently in different engines: write the character itself, or `\\\\` for a backslash',
        2,
      ],
    ]);

    test('an executable MySQL comment is refused near its start', () => {
      const { message, offset } = refusal('1 + /*! 2 */ 3', 'mysql');
      expect(message).toMatch(/executable comment/);
      expect(offset).toBeGreaterThanOrEqual(4);
      expect(offset).toBeLessThanOrEqual(6);
    });
  });

  test('deep nesting is refused instead of overflowing the stack', () => {
    expect(refusal(`${'('.repeat(150)}a${')'.repeat(150)}`)).toEqual({
      message: 'the expression nests more than 100 levels deep',
      offset: 100,
    });
    expect(parseExpression(`${'('.repeat(99)}a${')'.repeat(99)}`, 'postgres').ok).toBe(true);
    expect(parseExpression(`${'not '.repeat(5000)}a`, 'postgres').ok).toBe(true);
    expect(parseExpression(`${'-'.repeat(5000)}a`, 'sqlite').ok).toBe(false);
  });

  test('a refused 2 KB fragment still gets the offset of its unterminated string', () => {
    expect(refusal(`'${'a + b * c and '.repeat(150)}`).offset).toBe(0);
  });
});
