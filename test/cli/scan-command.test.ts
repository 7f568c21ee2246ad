import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/** A warehouse nobody wrote YAML for: declared keys only. */
function makeWarehouse(path: string): void {
  const db = new Database(path);
  // Order 4's customer does not exist (a dangling key), so enforcement stays off while loading.
  db.pragma('foreign_keys = OFF');
  db.exec(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, segment TEXT);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), amount NUMERIC, created_at TEXT);
    CREATE TABLE order_notes (order_id INTEGER PRIMARY KEY REFERENCES orders(id), note TEXT);
    INSERT INTO customers VALUES (1, 'smb'), (2, 'enterprise');
    INSERT INTO orders VALUES (1, 1, 10, '2025-01-01'), (2, 1, 5, '2025-01-02'), (3, 2, 100, '2025-01-03'), (4, 9, 1, '2025-01-04');
    INSERT INTO order_notes VALUES (1, 'rush');
  `);
  db.close();
}

describe('ktx scan', () => {
  const work = tempDir();
  beforeAll(async () => {
    makeWarehouse(join(work, 'wh.db'));
    const setup = await runCli([
      '--project-dir',
      work,
      'setup',
      '--no-input',
      '--database-url',
      join(work, 'wh.db'),
      '--database-connection-id',
      'wh',
    ]);
    expect(setup.code, setup.stderr).toBe(0);
  });
  const ktx = (...args: string[]) => runCli(['--project-dir', work, ...args]);

  it('writes reference-format manifests with declared foreign keys as formal joins, and evidence', async () => {
    const result = await ktx('--json', 'scan', 'wh');
    expect(result.code, result.stderr).toBe(0);
    const report = result.json<{
      reports: { tables: number; foreignKeys: number; manifests: string[]; evidence: string }[];
    }>().reports[0]!;
    expect(report).toMatchObject({
      tables: 3,
      foreignKeys: 2,
      manifests: ['semantic-layer/wh/_schema/main.yaml'],
    });
    expect(existsSync(join(work, report.evidence, 'catalog.json'))).toBe(true);
    const shard = parse(readFileSync(join(work, report.manifests[0]!), 'utf8')) as {
      tables: Record<string, { table: string; joins?: unknown[]; columns: { name: string; pk?: boolean }[] }>;
    };
    expect(shard.tables.orders).toMatchObject({
      table: 'main.orders',
      joins: [
        { to: 'customers', on: 'customer_id = customers.id', relationship: 'many_to_one', source: 'formal' },
      ],
    });
    expect(shard.tables.order_notes?.joins).toEqual([
      { to: 'orders', on: 'order_id = orders.id', relationship: 'one_to_one', source: 'formal' },
    ]);
    expect(shard.tables.customers?.columns.find((column) => column.name === 'id')).toMatchObject({
      pk: true,
    });
  });

  it('makes the semantic layer usable at once: validate is clean and queries join along the keys', async () => {
    expect((await ktx('sl', 'validate')).code).toBe(0);
    const result = await ktx(
      '--json',
      'sl',
      'query',
      '--measure',
      'sum(orders.amount)',
      '--dimension',
      'customers.segment',
      '--execute',
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.json<{ rows: unknown[][] }>().rows).toEqual(
      expect.arrayContaining([
        ['enterprise', 100],
        ['smb', 15],
        [null, 1],
      ]),
    );
  });

  it('rewrites only _schema/: a hand-written overlay survives a re-scan byte for byte', async () => {
    const overlay = join(work, 'semantic-layer', 'wh', 'orders.yaml');
    const text = 'name: orders\nmeasures:\n  - {name: revenue, expr: "sum(amount)"}\n';
    writeFileSync(overlay, text);
    expect((await ktx('scan')).code).toBe(0);
    expect(readFileSync(overlay, 'utf8')).toBe(text);
    const result = await ktx('--json', 'sl', 'query', '--measure', 'orders.revenue', '--execute');
    expect(result.json<{ rows: unknown[][] }>().rows).toEqual([[116]]);
  });

  it('applies enabled_tables globs', async () => {
    const config = join(work, 'ktx.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        '    driver: sqlite\n',
        '    driver: sqlite\n    enabled_tables: {exclude: ["*.order_notes"]}\n',
      ),
    );
    const result = await ktx('--json', 'scan', 'wh');
    expect(result.json<{ reports: { tables: number }[] }>().reports[0]!.tables).toBe(2);
    const shard = parse(readFileSync(join(work, 'semantic-layer', 'wh', '_schema', 'main.yaml'), 'utf8')) as {
      tables: Record<string, unknown>;
    };
    expect(Object.keys(shard.tables).sort()).toEqual(['customers', 'orders']);
  });
});
