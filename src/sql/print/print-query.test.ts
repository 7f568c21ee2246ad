import { describe, expect, test } from 'vitest';
import { isKtxError } from '../../core/index.js';
import * as e from '../ast/expression-factories.js';
import type { QueryNode, Select } from '../ast/query.js';
import { printQuery } from './print-query.js';
import { type PerDialect, rows } from './printing-expectations.test-helper.js';

function select(fields: Partial<Select> & Pick<Select, 'columns'>): Select {
  return { kind: 'select', ctes: [], distinct: false, joins: [], groupBy: [], orderBy: [], ...fields };
}

const k = e.column('k');
const keysOf = (table: string, fields: Partial<Select> = {}) =>
  select({ columns: [{ expr: k }], from: { kind: 'table', path: ['s', table], alias: table }, ...fields });

describe('limit placement', () => {
  const query = select({
    distinct: true,
    columns: [{ expr: k, alias: 'key' }],
    from: { kind: 'table', path: ['db', 's', 't'], alias: 't' },
    orderBy: [{ expr: k, direction: 'desc' }],
    limit: 10,
  });
  const expected: PerDialect<string> = {
    sqlite: 'SELECT DISTINCT "k" AS "key" FROM "db"."s"."t" AS "t" ORDER BY "k" DESC LIMIT 10',
    duckdb: 'SELECT DISTINCT "k" AS "key" FROM "db"."s"."t" AS "t" ORDER BY "k" DESC LIMIT 10',
    postgres: 'SELECT DISTINCT "k" AS "key" FROM "db"."s"."t" AS "t" ORDER BY "k" DESC LIMIT 10',
    mysql: 'SELECT DISTINCT `k` AS `key` FROM `db`.`s`.`t` AS `t` ORDER BY `k` DESC LIMIT 10',
    snowflake: 'SELECT DISTINCT "k" AS "key" FROM "db"."s"."t" AS "t" ORDER BY "k" DESC LIMIT 10',
    bigquery: 'SELECT DISTINCT `k` AS `key` FROM `db`.`s`.`t` AS `t` ORDER BY `k` DESC LIMIT 10',
    clickhouse: 'SELECT DISTINCT `k` AS `key` FROM `db`.`s`.`t` AS `t` ORDER BY `k` DESC LIMIT 10',
    tsql: 'SELECT DISTINCT TOP (10) [k] AS [key] FROM [db].[s].[t] AS [t] ORDER BY [k] DESC',
  };
  test.each(rows(expected))('%s', (dialect, sql) => {
    expect(printQuery(query, dialect)).toBe(sql);
  });
});

describe('unions', () => {
  const union: QueryNode = { kind: 'union', all: false, selects: [keysOf('a'), keysOf('b')] };
  const expected: PerDialect<string> = {
    sqlite: 'UNION',
    duckdb: 'UNION',
    postgres: 'UNION',
    mysql: 'UNION',
    snowflake: 'UNION',
    bigquery: 'UNION DISTINCT',
    clickhouse: 'UNION DISTINCT',
    tsql: 'UNION',
  };
  test.each(rows(expected))('%s spells a de-duplicating union', (dialect, keyword) => {
    expect(printQuery(union, dialect)).toContain(` ${keyword} SELECT`);
    expect(printQuery({ ...union, all: true }, dialect)).toContain(' UNION ALL SELECT');
  });

  test('a member that limits becomes a derived table; ORDER BY without LIMIT is dropped', () => {
    const ordered = keysOf('a', { orderBy: [{ expr: k, direction: 'asc' }] });
    const limited = keysOf('b', { orderBy: [{ expr: k, direction: 'asc' }], limit: 3 });
    const sql = printQuery({ kind: 'union', all: true, selects: [ordered, limited] }, 'sqlite');
    expect(sql).toBe(
      'SELECT "k" FROM "s"."a" AS "a" UNION ALL SELECT * FROM (SELECT "k" FROM "s"."b" AS "b" ORDER BY "k" ASC LIMIT 3) AS "ktx_union_2"',
    );
  });
});

describe('CTEs', () => {
  test('nested CTEs are hoisted ahead of the CTE that declared them', () => {
    const inner = keysOf('a');
    const middle = select({
      ctes: [{ name: 'inner', query: inner }],
      columns: [{ expr: k }],
      from: { kind: 'cte-ref', name: 'inner', alias: 'i' },
    });
    const outer = select({
      ctes: [{ name: 'middle', query: middle }],
      columns: [{ expr: e.call('count', [e.star()]) }],
      from: { kind: 'cte-ref', name: 'middle', alias: 'm' },
    });
    expect(printQuery(outer, 'tsql', { pretty: true })).toBe(
      [
        'WITH',
        '[inner] AS (',
        '  SELECT [k]',
        '  FROM [s].[a] AS [a]',
        '),',
        '[middle] AS (',
        '  SELECT [k]',
        '  FROM [inner] AS [i]',
        ')',
        'SELECT COUNT_BIG(*)',
        'FROM [middle] AS [m]',
      ].join('\n'),
    );
  });

  test('raw bodies are verbatim, without a trailing semicolon, and survive compact output', () => {
    const query = select({
      ctes: [{ name: 'src', query: { kind: 'raw-query', sql: 'select 1 as k -- the source\n;\n' } }],
      columns: [{ expr: k }],
      from: { kind: 'cte-ref', name: 'src', alias: 'src' },
    });
    expect(printQuery(query, 'duckdb')).toBe(
      'WITH "src" AS (\nselect 1 as k -- the source\n) SELECT "k" FROM "src" AS "src"',
    );
    expect(printQuery(query, 'duckdb', { pretty: true })).toBe(
      'WITH\n"src" AS (\nselect 1 as k -- the source\n)\nSELECT "k"\nFROM "src" AS "src"',
    );
  });

  test('two CTEs with one name are a planner bug', () => {
    const twice = select({
      ctes: [
        { name: 'x', query: keysOf('a') },
        { name: 'x', query: keysOf('b') },
      ],
      columns: [{ expr: k }],
    });
    expect(() => printQuery(twice, 'postgres')).toThrow(/two CTEs are named "x"/);
  });
});

describe('clauses', () => {
  test('joins, WHERE, GROUP BY, HAVING in pretty layout', () => {
    const query = select({
      columns: [
        { expr: e.column('region', 'c'), alias: 'region' },
        { expr: e.call('sum', [e.column('amount', 'o')]), alias: 'revenue' },
      ],
      from: { kind: 'table', path: ['s', 'orders'], alias: 'o' },
      joins: [
        {
          type: 'left',
          item: { kind: 'table', path: ['s', 'customers'], alias: 'c' },
          on: e.eq(e.column('id', 'c'), e.column('customer_id', 'o')),
        },
        { type: 'cross', item: { kind: 'cte-ref', name: 'dates', alias: 'd' } },
      ],
      where: e.column('paid', 'o'),
      groupBy: [e.column('region', 'c')],
      having: e.binary('>', e.call('sum', [e.column('amount', 'o')]), e.number(0)),
    });
    expect(printQuery(query, 'tsql', { pretty: true })).toBe(
      [
        'SELECT',
        '  [c].[region] AS [region],',
        '  SUM([o].[amount]) AS [revenue]',
        'FROM [s].[orders] AS [o]',
        'LEFT JOIN [s].[customers] AS [c] ON [c].[id] = [o].[customer_id]',
        'CROSS JOIN [dates] AS [d]',
        'WHERE ([o].[paid] = 1)',
        'GROUP BY [c].[region]',
        'HAVING SUM([o].[amount]) > 0',
      ].join('\n'),
    );
  });

  test('a FROM-less select', () => {
    expect(printQuery(select({ columns: [{ expr: e.number(1), alias: 'one' }] }), 'bigquery')).toBe(
      'SELECT 1 AS `one`',
    );
  });

  test('malformed queries are internal errors', () => {
    const bad: Select[] = [
      select({ columns: [] }),
      keysOf('a', { joins: [{ type: 'left', item: { kind: 'cte-ref', name: 'x', alias: 'x' } }] }),
      keysOf('a', { joins: [{ type: 'cross', item: { kind: 'cte-ref', name: 'x', alias: 'x' }, on: k }] }),
      keysOf('a', { limit: -1 }),
    ];
    for (const query of bad) {
      try {
        printQuery(query, 'postgres');
        expect.unreachable();
      } catch (error) {
        expect(isKtxError(error, 'internal')).toBe(true);
      }
    }
  });
});
