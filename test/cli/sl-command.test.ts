import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { copyShopSemanticLayer, makeShopSqlite } from '../support/shop-project.js';
import { tempDir } from '../support/temp-dir.js';

describe('ktx sl', () => {
  const work = tempDir();
  beforeAll(async () => {
    makeShopSqlite(join(work, 'shop.db'));
    const setup = await runCli([
      '--project-dir',
      work,
      'setup',
      '--no-input',
      '--database-url',
      join(work, 'shop.db'),
      '--database-connection-id',
      'shop',
    ]);
    expect(setup.code, setup.stderr).toBe(0);
    copyShopSemanticLayer(work, 'shop');
  });
  const sl = (...args: string[]) => runCli(['--project-dir', work, ...args]);

  it('lists sources with their measures, and filters by words', async () => {
    const all = await sl('--json', 'sl');
    expect(all.json<{ sources: { name: string }[] }>().sources.map((source) => source.name)).toEqual([
      'customer_tags',
      'customers',
      'order_items',
      'orders',
      'paid_orders',
      'products',
      'regions',
      'tags',
      'tickets',
    ]);
    const some = await sl('--json', 'sl', 'ticket');
    expect(some.json<{ sources: { name: string }[] }>().sources.map((source) => source.name)).toEqual([
      'tickets',
    ]);
  });

  it('reads the YAML of a source, and suggests a name for a typo', async () => {
    const read = await sl('sl', 'read', 'orders');
    expect(read.stdout).toContain('name: orders');
    const typo = await sl('--json', 'sl', 'read', 'order');
    expect(typo.code).toBe(1);
    expect(typo.json()).toMatchObject({
      error: { code: 'semantic_query_invalid', message: expect.stringContaining('did you mean `orders`') },
    });
  });

  it('executes a chasm query with the JSON contract and the plan', async () => {
    const result = await sl(
      '--json',
      'sl',
      'query',
      '--measure',
      'orders.revenue',
      '--measure',
      'tickets.ticket_count',
      '--dimension',
      'customers.segment',
      '--execute',
    );
    expect(result.code, result.stderr).toBe(0);
    const body = result.json<{
      headers: string[];
      rows: unknown[][];
      totalRows: number;
      dialect: string;
      plan: { combine: string; execution: { mode: string } };
    }>();
    expect(body).toMatchObject({
      connectionId: 'shop',
      dialect: 'sqlite',
      headers: ['segment', 'revenue', 'ticket_count'],
      totalRows: 4,
    });
    expect(body.plan).toMatchObject({ combine: 'spine', execution: { mode: 'executed' } });
    expect(body.rows).toEqual(
      expect.arrayContaining([
        [null, 7.25, 0],
        ['dormant', null, 0],
        ['enterprise', 100, 1],
        ['smb', 35.5, 3],
      ]),
    );
  });

  it('takes a time grain on --dimension and --no-include-empty, and prints SQL with --format sql', async () => {
    const result = await sl(
      'sl',
      'query',
      '--measure',
      'orders.order_count',
      '--dimension',
      'orders.created_at:week',
      '--no-include-empty',
      '--format',
      'sql',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^WITH/);
    expect(result.stdout).toContain('created_at_week');
  });

  it('reads a --query-file and lets flags add to it', async () => {
    const file = join(work, 'q.json');
    writeFileSync(
      file,
      JSON.stringify({
        measures: ['orders.revenue'],
        dimensions: [{ field: 'orders.created_at', granularity: 'month' }],
        includeEmpty: false,
      }),
    );
    const result = await sl(
      '--json',
      'sl',
      'query',
      '--query-file',
      file,
      '--filter',
      "orders.status = 'paid'",
      '--execute',
    );
    expect(result.json<{ rows: unknown[][] }>().rows).toEqual([
      ['2025-01-01', 30],
      ['2025-02-01', 100],
      ['2025-03-01', 7.25],
    ]);
  });

  it('answers unknown names with did-you-mean and exit 1, bad flags with exit 2', async () => {
    const unknown = await sl('--json', 'sl', 'query', '--measure', 'orders.revenu');
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({
      error: { code: 'semantic_query_invalid', message: expect.stringContaining('did you mean `revenue`') },
    });
    const grain = await sl(
      'sl',
      'query',
      '--measure',
      'orders.revenue',
      '--dimension',
      'orders.created_at:fortnight',
    );
    expect(grain.code).toBe(2);
    expect((await sl('sl', 'query')).code).toBe(2);
  });

  it('says a column asked for as a measure is a column, and how to aggregate it', async () => {
    const result = await sl('--json', 'sl', 'query', '--measure', 'orders.amount');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({
      error: {
        code: 'semantic_query_invalid',
        message: '`orders.amount` is a column, not a measure.',
        fix: expect.stringContaining('sum(orders.amount)'),
      },
    });
  });

  it('refuses a measure condition in a dimension-only query instead of dropping it', async () => {
    const result = await sl(
      '--json',
      'sl',
      'query',
      '--dimension',
      'customers.segment',
      '--filter',
      'orders.revenue > 10',
    );
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({
      error: { code: 'semantic_query_invalid', message: 'A measure condition needs a measure in the query.' },
    });
  });

  it('refuses a filter that is not one expression (a second statement, a subquery)', async () => {
    for (const filter of ['1 = 1; DROP TABLE orders', 'orders.id IN (SELECT id FROM orders)']) {
      const result = await sl('--json', 'sl', 'query', '--measure', 'orders.revenue', '--filter', filter);
      expect(result.code, filter).toBe(1);
      expect(result.json(), filter).toMatchObject({ error: { code: 'semantic_query_invalid' } });
    }
  });

  it('validate exits 1 and names file, key and fix when a source is broken', async () => {
    writeFileSync(
      join(work, 'semantic-layer', 'shop', 'broken.yaml'),
      'name: broken\ntable: broken\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\njoins:\n  - {to: ordrs, on: "id = ordrs.id", relationship: many_to_one}\n',
    );
    const result = await sl('sl', 'validate');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/semantic-layer\/shop\/broken\.yaml.*ordrs.*did you mean `orders`/);
  });
});
