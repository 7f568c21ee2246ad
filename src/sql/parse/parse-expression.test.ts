import { describe, expect, test } from 'vitest';
import type { DialectName } from '../dialect-name.js';
import { parseExpression } from './parse-expression.js';
import { showExpression } from './show-expression.test-helper.js';

/** The parsed fragment as an S-expression, or `error: message @offset`. */
function show(text: string, dialect: DialectName = 'postgres'): string {
  const result = parseExpression(text, dialect);
  return result.ok ? showExpression(result.expr) : `error: ${result.message} @${result.offset}`;
}

describe('parseExpression: precedence', () => {
  test.each([
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a or b or c', '(or (or a b) c)'],
    ['not a = b', '(not (= a b))'],
    ['not a and b', '(and (not a) b)'],
    ['not not a', '(not (not a))'],
    ['-x * y', '(* (- x) y)'],
    ['-x::int', '(- (cast x integer))'],
    ['a || b = c', '(= (|| a b) c)'],
    ['a + b || c', '(|| (+ a b) c)'],
    ['a - b - c', '(- (- a b) c)'],
    ['a + b * c % d', '(+ a (% (* b c) d))'],
    ['(a + b) * c', '(* (+ a b) c)'],
    ['a / b / c', '(/ (/ a b) c)'],
    ['a = 1 and b between 2 and 3 and c', '(and (and (= a 1) (between b 2 3)) c)'],
    ['a between 1 + 1 and 2 * 3', '(between a (+ 1 1) (* 2 3))'],
    ['a = b is null', '(is-null (= a b))'],
    ['a + 1 > b * 2', '(> (+ a 1) (* b 2))'],
    ['a like b || c', '(like a (|| b c))'],
    ['not a in (1, 2)', '(not (in a 1 2))'],
    ['- - 5', '(- -5)'],
    ['+x', '(+ x)'],
  ])('%s', (text, expected) => {
    expect(show(text)).toBe(expected);
  });
});

describe('parseExpression: node kinds', () => {
  test.each([
    ['amount', 'amount'],
    ['orders.amount', 'orders.amount'],
    ['Orders.Amount', 'Orders.Amount'],
    ['42', '42'],
    ['1.50', '1.50'],
    ['.5', '.5'],
    ['1e-3', '1e-3'],
    ['-5', '-5'],
    ["'paid'", '"paid"'],
    ["''", '""'],
    ['TRUE', 'true'],
    ['false', 'false'],
    ['NULL', 'null'],
    ['sum(amount) / 100.0', '(/ (sum amount) 100.0)'],
    ['SUM(Amount)', '(sum Amount)'],
    ['count(*)', '(count *)'],
    ['count(orders.*)', '(count orders.*)'],
    ['count(distinct customer_id)', '(count distinct customer_id)'],
    ['COUNT(DISTINCT customer_id)', '(count distinct customer_id)'],
    ['count(all x)', '(count x)'],
    ['count_distinct(x)', '(count distinct x)'],
    ['Count_Distinct(t.x)', '(count distinct t.x)'],
    ['median(x)', '(median x)'],
    ['percentile(x, 0.9)', '(percentile x 0.9)'],
    ['now()', '(now)'],
    ['coalesce(sum(x), 0)', '(coalesce (sum x) 0)'],
    ['round(avg(x * 1.0), 2)', '(round (avg (* x 1.0)) 2)'],
    ['CURRENT_DATE', '(current_date)'],
    ['current_timestamp', '(current_timestamp)'],
    ['current_date()', '(current_date)'],
    ['a <> b', '(<> a b)'],
    ['a != b', '(<> a b)'],
    ['a <= b', '(<= a b)'],
    ['a >= b', '(>= a b)'],
    ['a < b', '(< a b)'],
    ['a > b', '(> a b)'],
    ['a <=> b', '(<=> a b)'],
    ['a is not distinct from b', '(<=> a b)'],
    ['a is distinct from b', '(not (<=> a b))'],
    ['x IS NULL', '(is-null x)'],
    ['x is not null', '(is-not-null x)'],
    ["status in ('a', 'b')", '(in status "a" "b")'],
    ['status not in (1)', '(not-in status 1)'],
    ['x between 1 and 10', '(between x 1 10)'],
    ['x not between 1 and 10', '(not-between x 1 10)'],
    ["name like 'a%'", '(like name "a%")'],
    ["name not like 'a%'", '(not like name "a%")'],
    ["name ilike 'A%'", '(like (lower name) (lower "A%"))'],
    ["name not ilike 'A%'", '(not like (lower name) (lower "A%"))'],
    [
      "case when a > 1 then 'big' when a > 0 then 'small' else 'none' end",
      '(case (when (> a 1) "big") (when (> a 0) "small") (else "none"))',
    ],
    ["case status when 'paid' then 1 end", '(case status (when "paid" 1))'],
    ['sum(case when paid then amount else 0 end)', '(sum (case (when paid amount) (else 0)))'],
    ['cast(x as int)', '(cast x integer)'],
    ['CAST(x AS decimal(10, 2))', '(cast x decimal)'],
    ['cast(x as double precision)', '(cast x float)'],
    ['cast(x as varchar(255))', '(cast x text)'],
    ['cast(x as character varying)', '(cast x text)'],
    ['cast(x as timestamp with time zone)', '(cast x timestamp)'],
    ['cast(x as timestamptz)', '(cast x timestamp)'],
    ['cast(x as bool)', '(cast x boolean)'],
    ['cast(x as date)', '(cast x date)'],
    ['x::numeric', '(cast x decimal)'],
    ['x::date::text', '(cast (cast x date) text)'],
    ['sum(amount)::float / count(*)', '(/ (cast (sum amount) float) (count *))'],
    ["interval '30 days'", '(interval 30 day)'],
    ["INTERVAL '1' DAY", '(interval 1 day)'],
    ['interval 30 day', '(interval 30 day)'],
    ['interval -7 days', '(interval -7 day)'],
    ["interval '-1 month'", '(interval -1 month)'],
    ["created_at >= current_date - interval '7 days'", '(>= created_at (- (current_date) (interval 7 day)))'],
    ["N'x'", '"x"'],
    ["n 'x' = 1", 'error: found a string after the end of the expression @2'],
    ["DATE '2024-01-31'", '(cast "2024-01-31" date)'],
    ["timestamp '2024-01-31 10:00'", '(cast "2024-01-31 10:00" timestamp)'],
    ['date', 'date'],
    ['interval * 2', '(* interval 2)'],
    ['t.end', 't.end'],
    ['left(name, 3)', '(left name 3)'],
    ['((a))', 'a'],
  ])('%s', (text, expected) => {
    expect(show(text)).toBe(expected);
  });

  test('the semantic-layer fragments from the reference parse', () => {
    expect(show("orders.status = 'paid' AND orders.amount > 10")).toBe(
      '(and (= orders.status "paid") (> orders.amount 10))',
    );
    expect(show('customer_id = customers.id AND region = customers.region')).toBe(
      '(and (= customer_id customers.id) (= region customers.region))',
    );
  });
});

describe('parseExpression: dialect lexing', () => {
  test.each<[DialectName, string, string]>([
    ['postgres', '"Order Date"', 'Order Date'],
    ['postgres', '"a""b"', 'a"b'],
    ['postgres', 'orders."Order Date"', 'orders.Order Date'],
    ['duckdb', '"Order Date"', 'Order Date'],
    ['mysql', '`Order Date`', 'Order Date'],
    ['mysql', '`a``b`', 'a`b'],
    ['sqlite', '[Order Date]', 'Order Date'],
    ['sqlite', '`Order Date`', 'Order Date'],
    ['sqlite', '"Order Date"', 'Order Date'],
  ])('%s reads %s as a name', (dialect, text, expected) => {
    expect(show(text, dialect)).toBe(expected);
  });

  test.each<[DialectName, string, string]>([
    ['postgres', "'it''s'", '"it\'s"'],
    ['postgres', "'a\\b'", '"a\\\\b"'],
    ['postgres', "E'a\\nb'", '"a\\nb"'],
    ['postgres', "$$it's$$", '"it\'s"'],
    ['postgres', '$tag$a$$b$tag$', '"a$$b"'],
    ['duckdb', "'it''s'", '"it\'s"'],
    ['mysql', "'it\\'s'", '"it\'s"'],
    ['mysql', "'it''s'", '"it\'s"'],
    ['mysql', "'a\\\\b'", '"a\\\\b"'],
    ['mysql', "'tab\\there'", '"tab\\there"'],
    ['mysql', '"Order Date"', '"Order Date"'],
    ['sqlite', "'a\\b'", '"a\\\\b"'],
  ])('%s reads %s as a string', (dialect, text, expected) => {
    expect(show(text, dialect)).toBe(expected);
  });

  test.each<[DialectName, string, string]>([
    ['bigquery', '`Order Date`', 'Order Date'],
    ['bigquery', '`proj-1`.amount', 'proj-1.amount'],
    ['clickhouse', '`Order Date`', 'Order Date'],
    ['clickhouse', '"Order Date"', 'Order Date'],
    ['snowflake', '"Order Date"', 'Order Date'],
    ['tsql', '[Order Date]', 'Order Date'],
    ['tsql', '[a]]b]', 'a]b'],
    ['tsql', '"Order Date"', 'Order Date'],
  ])('%s reads %s as a name', (dialect, text, expected) => {
    expect(show(text, dialect)).toBe(expected);
  });

  test.each<[DialectName, string, string]>([
    ['bigquery', '"paid"', '"paid"'],
    ['bigquery', "'''it's'''", '"it\'s"'],
    ['bigquery', "'it\\'s'", '"it\'s"'],
    ['clickhouse', "'it\\'s'", '"it\'s"'],
    ['clickhouse', '$x$a$b$x$', '"a$b"'],
    ['snowflake', "$$it's$$", '"it\'s"'],
    ['snowflake', "'it''s'", '"it\'s"'],
    ['tsql', "N'caf\u00e9'", '"caf\u00e9"'],
    ['tsql', "'a\\b'", '"a\\\\b"'],
  ])('%s reads %s as a string', (dialect, text, expected) => {
    expect(show(text, dialect)).toBe(expected);
  });

  test.each([
    'sqlite',
    'duckdb',
    'postgres',
    'mysql',
    'snowflake',
    'bigquery',
    'clickhouse',
    'tsql',
  ] as const)('%s parses a portable filter', (dialect) => {
    expect(show("sum(amount) > 10 and status in ('paid', 'open') and not x is null", dialect)).toBe(
      '(and (and (> (sum amount) 10) (in status "paid" "open")) (not (is-null x)))',
    );
  });

  test.each<[DialectName, string, string]>([
    ['snowflake', 'a // comment\n+ 1', '(+ a 1)'],
    ['clickhouse', 'a # comment\n+ 1', '(+ a 1)'],
    ['postgres', 'a -- b\n+ 1', '(+ a 1)'],
    ['postgres', 'a /* x /* nested */ y */ + 1', '(+ a 1)'],
    ['mysql', 'a # comment\n+ 1', '(+ a 1)'],
    ['mysql', 'a--1', '(- a -1)'],
    ['mysql', 'a -- comment\n+ 1', '(+ a 1)'],
    ['sqlite', 'a /* x */ + 1', '(+ a 1)'],
  ])('%s comments: %j', (dialect, text, expected) => {
    expect(show(text, dialect)).toBe(expected);
  });

  test('MySQL backslash escapes that engines read differently are refused', () => {
    expect(show("'50\\%'", 'mysql')).toBe(
      'error: the escape `\\%` reads differently in different engines: write the character itself, or `\\\\` for a backslash @3',
    );
  });
});

// Speed is measured in `npm run bench` (group sql-fragments), never asserted here.
describe('parseExpression: long fragments', () => {
  test('a 2 KB fragment parses', () => {
    const clause = "(orders.status = 'paid' and orders.amount between 10 and 20) or ";
    expect(parseExpression(`${clause.repeat(Math.ceil(2048 / clause.length))}x is null`, 'postgres').ok).toBe(
      true,
    );
  });
});
