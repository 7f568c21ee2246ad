import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { makeShopDatabase } from '../support/sqlite-fixture.js';
import { tempDir } from '../support/temp-dir.js';

describe('ktx sql', () => {
  const work = tempDir();
  let dbPath = '';
  beforeAll(async () => {
    dbPath = makeShopDatabase(work);
    const setup = await runCli([
      '--project-dir',
      work,
      'setup',
      '--no-input',
      '--database-url',
      dbPath,
      '--database-connection-id',
      'shop',
    ]);
    expect(setup.code, setup.stderr).toBe(0);
  });
  const sql = (...args: string[]) => runCli(['--project-dir', work, ...args]);

  it('returns the JSON contract {connectionId, headers, rows, rowCount, truncated}', async () => {
    const result = await sql(
      '--json',
      'sql',
      'select customer, sum(amount) as total from orders group by customer order by customer',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({
      connectionId: 'shop',
      headers: ['customer', 'total'],
      rows: [
        ['Ada', 12.5],
        ['Grace', 7],
      ],
      rowCount: 2,
      truncated: false,
    });
  });

  it('prints TSV when piped and caps rows with --max-rows', async () => {
    const result = await sql('sql', '--max-rows', '2', 'select id, customer from orders order by id');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('id\tcustomer\n1\tAda\n2\tGrace\n');
    expect(result.stderr).toContain('truncated at 2 rows');
  });

  it('refuses a write with read_only_violation, exit 1, and the data is unchanged', async () => {
    const result = await sql('--json', 'sql', 'delete from orders');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ error: { code: 'read_only_violation' } });
    const db = new Database(dbPath, { readonly: true });
    expect((db.prepare('select count(*) as n from orders').get() as { n: number }).n).toBe(3);
    db.close();
  });

  it('validates --max-rows and the connection id', async () => {
    expect((await sql('sql', '--max-rows', '0', 'select 1')).code).toBe(2);
    expect((await sql('sql', '--max-rows', '20000', 'select 1')).code).toBe(2);
    const unknown = await sql('--json', 'sql', '--connection-id', 'shopp', 'select 1');
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({
      error: { code: 'connection_unknown', message: expect.stringContaining('did you mean `shop`') },
    });
  });

  it('reports a SQL error from the engine as query_failed', async () => {
    const result = await sql('--json', 'sql', 'select nope from orders');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({
      error: { code: 'query_failed', message: expect.stringContaining('nope') },
    });
  });

  it('lists connections without secrets', async () => {
    const result = await sql('--json', 'connection', 'list');
    expect(result.json()).toEqual({
      // The database sits inside the project, so ktx.yaml refers to it relatively.
      connections: [{ id: 'shop', driver: 'sqlite', target: 'shop.db', schemas: [] }],
    });
    expect(readFileSync(join(work, 'ktx.yaml'), 'utf8')).toContain('shop:');
  });

  it('tests connections with latency and server version', async () => {
    const result = await sql('--json', 'connection', 'test', '--all');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      results: [
        {
          connectionId: 'shop',
          ok: true,
          serverVersion: expect.stringMatching(/^SQLite 3\./),
          latencyMs: expect.any(Number),
        },
      ],
    });
  });
});
