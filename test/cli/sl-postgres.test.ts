import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseRows } from '../engines/semantic/compare-rows.js';
import { runCli } from '../support/run-cli.js';
import { postgresScratch } from '../support/server-fixtures.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { tempDir } from '../support/temp-dir.js';

// The "done when": hand-written sources for the local PostgreSQL, `ktx sl query --execute`
// for measures of two fact tables by month and by a dimension two hops away, equal to careful SQL.
describe.skipIf(skipWithout('postgres'))('ktx sl query --execute on PostgreSQL', () => {
  const url = serverUrl('postgres')!;
  const project = tempDir();
  let scratch: Awaited<ReturnType<typeof postgresScratch>>;

  beforeAll(async () => {
    scratch = await postgresScratch(
      url,
      (s) => `
      CREATE TABLE ${s}.countries (id int PRIMARY KEY, name text);
      CREATE TABLE ${s}.accounts (id int PRIMARY KEY, country_id int, plan text);
      CREATE TABLE ${s}.invoices (id int PRIMARY KEY, account_id int, issued_on date, total numeric(10,2));
      CREATE TABLE ${s}.events (id int PRIMARY KEY, account_id int, happened_at timestamptz);
      INSERT INTO ${s}.countries VALUES (1, 'France'), (2, 'Chile');
      INSERT INTO ${s}.accounts VALUES (1, 1, 'pro'), (2, 1, 'free'), (3, 2, 'pro'), (4, NULL, 'free');
      INSERT INTO ${s}.invoices VALUES (1, 1, '2026-01-03', 100), (2, 1, '2026-02-03', 100), (3, 3, '2026-01-20', 40.5),
        (4, 4, '2026-02-28', 9.99), (5, 42, '2026-02-01', 1);
      INSERT INTO ${s}.events SELECT g, 1 + g % 4, timestamptz '2026-01-01 00:00:00+00' + g * interval '9 hours' FROM generate_series(1, 300) g;`,
    );
    const setup = await runCli([
      '--project-dir',
      project,
      'setup',
      '--no-input',
      '--database',
      'postgres',
      '--database-connection-id',
      'wh',
      '--database-url',
      url,
      '--database-schema',
      scratch.schema,
    ]);
    expect(setup.code, setup.stderr).toBe(0);
    const dir = join(project, 'semantic-layer', 'wh');
    mkdirSync(dir, { recursive: true });
    const s = scratch.schema;
    writeFileSync(
      join(dir, 'countries.yaml'),
      `name: countries\ntable: ${s}.countries\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: name, type: string}\n`,
    );
    writeFileSync(
      join(dir, 'accounts.yaml'),
      `name: accounts\ntable: ${s}.accounts\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: country_id, type: number}\n  - {name: plan, type: string}\njoins:\n  - {to: countries, on: "country_id = countries.id", relationship: many_to_one}\n`,
    );
    writeFileSync(
      join(dir, 'invoices.yaml'),
      `name: invoices\ntable: ${s}.invoices\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: account_id, type: number}\n  - {name: issued_on, type: time}\n  - {name: total, type: number}\njoins:\n  - {to: accounts, on: "account_id = accounts.id", relationship: many_to_one}\nmeasures:\n  - {name: billed, expr: "sum(total)"}\n  - {name: invoice_count, expr: "count(*)"}\n`,
    );
    writeFileSync(
      join(dir, 'events.yaml'),
      `name: events\ntable: ${s}.events\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: account_id, type: number}\n  - {name: happened_at, type: time}\njoins:\n  - {to: accounts, on: "account_id = accounts.id", relationship: many_to_one}\nmeasures:\n  - {name: event_count, expr: "count(*)"}\n  - {name: active_accounts, expr: "count(distinct account_id)"}\n`,
    );
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  async function expectedRows(sql: string): Promise<unknown[][]> {
    const client = new pg.Client({
      connectionString: url,
      types: { getTypeParser: () => (value: string) => value },
    });
    await client.connect();
    try {
      await client.query("SET TIME ZONE 'UTC'");
      return (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][];
    } finally {
      await client.end();
    }
  }

  it('two facts by country (two hops away), with dangling and empty groups', async () => {
    const result = await runCli([
      '--project-dir',
      project,
      '--json',
      'sl',
      'query',
      '--measure',
      'invoices.billed',
      '--measure',
      'events.event_count',
      '--dimension',
      'countries.name',
      '--execute',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const s = scratch.schema;
    const expected = await expectedRows(`
      WITH b AS (SELECT c.name, SUM(i.total) AS billed FROM ${s}.invoices i LEFT JOIN ${s}.accounts a ON a.id = i.account_id
                 LEFT JOIN ${s}.countries c ON c.id = a.country_id GROUP BY c.name),
           e AS (SELECT c.name, COUNT(*) AS n FROM ${s}.events ev LEFT JOIN ${s}.accounts a ON a.id = ev.account_id
                 LEFT JOIN ${s}.countries c ON c.id = a.country_id GROUP BY c.name),
           k AS (SELECT name FROM b UNION SELECT name FROM e UNION SELECT name FROM ${s}.countries)
      SELECT k.name, b.billed, COALESCE(e.n, 0) FROM k LEFT JOIN b ON b.name IS NOT DISTINCT FROM k.name
      LEFT JOIN e ON e.name IS NOT DISTINCT FROM k.name`);
    expect(normaliseRows(result.json<{ rows: unknown[][] }>().rows, false)).toEqual(
      normaliseRows(expected, false),
    );
  });

  it('two facts by month (metric_time: each fact on its own time column) and a dimension two hops away', async () => {
    const result = await runCli([
      '--project-dir',
      project,
      '--json',
      'sl',
      'query',
      '--measure',
      'invoices.billed',
      '--measure',
      'events.active_accounts',
      '--dimension',
      'metric_time:month',
      '--dimension',
      'countries.name',
      '--execute',
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const s = scratch.schema;
    const expected = await expectedRows(`
      WITH b AS (SELECT date_trunc('month', i.issued_on)::date AS m, c.name, SUM(i.total) AS billed FROM ${s}.invoices i
                 LEFT JOIN ${s}.accounts a ON a.id = i.account_id LEFT JOIN ${s}.countries c ON c.id = a.country_id GROUP BY 1, 2),
           e AS (SELECT date_trunc('month', ev.happened_at)::date AS m, c.name, COUNT(DISTINCT ev.account_id) AS n FROM ${s}.events ev
                 LEFT JOIN ${s}.accounts a ON a.id = ev.account_id LEFT JOIN ${s}.countries c ON c.id = a.country_id GROUP BY 1, 2),
           k AS (SELECT m, name FROM b UNION SELECT m, name FROM e)
      SELECT k.m, k.name, b.billed, COALESCE(e.n, 0) FROM k
      LEFT JOIN b ON b.m = k.m AND b.name IS NOT DISTINCT FROM k.name
      LEFT JOIN e ON e.m = k.m AND e.name IS NOT DISTINCT FROM k.name`);
    expect(normaliseRows(result.json<{ rows: unknown[][] }>().rows, false)).toEqual(
      normaliseRows(expected, false),
    );
    expect(result.json<{ plan: { combine: string } }>().plan.combine).toBe('spine');
  });

  it('refuses metric_time when a fact has no time column, saying how to fix it', async () => {
    const result = await runCli([
      '--project-dir',
      project,
      '--json',
      'sl',
      'query',
      '--measure',
      'invoices.billed',
      '--dimension',
      'metric_time:month',
    ]);
    expect(result.code, result.stdout).toBe(0);
    const noTime = await runCli([
      '--project-dir',
      project,
      '--json',
      'sl',
      'query',
      '--measure',
      'count(accounts.id)',
      '--dimension',
      'metric_time:week',
    ]);
    expect(noTime.code).toBe(1);
    expect(noTime.json()).toMatchObject({
      error: { code: 'semantic_query_invalid', fix: expect.stringContaining('role: time') },
    });
  });
});
