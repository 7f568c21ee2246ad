import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createConnector } from '../../src/connectors/index.js';
import { runScan } from '../../src/scan/index.js';
import { tempDir } from '../support/temp-dir.js';

const SCHEMA = `
  CREATE TABLE customers (id INTEGER, email TEXT, full_name TEXT);
  CREATE TABLE orders (id INTEGER, cust_id INTEGER, amount DOUBLE, status TEXT);
  CREATE TABLE newsletter (email TEXT, topic TEXT);
`;
function rows(): string {
  const customers = Array.from({ length: 40 }, (_, i) => `(${i + 1}, 'u${i + 1}@x.io', 'Name ${i + 1}')`);
  const orders = Array.from(
    { length: 120 },
    (_, i) => `(${i + 1}, ${1 + ((i * 7) % 40)}, ${i * 1.5}, 'paid')`,
  );
  const newsletter = Array.from({ length: 10 }, (_, i) => `('u${i + 1}@x.io', 'news')`);
  return `INSERT INTO customers VALUES ${customers.join(',')}; INSERT INTO orders VALUES ${orders.join(',')}; INSERT INTO newsletter VALUES ${newsletter.join(',')};`;
}

interface Evidence {
  relationships: { id: string; status: string }[];
  primaryKeys: { table: string; columns: string[] }[];
}

describe('scan on in-process engines', () => {
  it('SQLite: finds the join, never takes a unique email for a key, reports a failing table and goes on', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'w.db'));
    db.exec(SCHEMA.replace(/DOUBLE/g, 'REAL'));
    db.exec(rows());
    // Fails only when read: abs() of the smallest integer overflows.
    db.exec('CREATE VIEW broken AS SELECT abs(-9223372036854775807 - 1) AS x');
    db.close();
    const connector = await createConnector({ driver: 'sqlite', id: 'w', path: join(dir, 'w.db') });
    const phases = new Set<string>();
    try {
      const report = await runScan({
        projectDir: dir,
        connectionId: 'w',
        connector,
        onProgress: (progress) => phases.add(progress.phase),
      });
      expect(report.profileFailures).toEqual([
        expect.objectContaining({ table: 'broken', code: 'query_failed' }),
      ]);
      expect(report.profiled).toBe(3);
      expect([...phases]).toEqual(['introspect', 'profile', 'relationships', 'write']);
      const evidence = JSON.parse(
        readFileSync(join(dir, report.evidence, 'relationships.json'), 'utf8'),
      ) as Evidence;
      expect(
        evidence.relationships.filter((found) => found.status === 'accepted').map((found) => found.id),
      ).toEqual(['main.orders(cust_id)->main.customers(id)']);
      expect(evidence.primaryKeys.map((key) => [key.table, key.columns])).toEqual([
        ['customers', ['id']],
        ['orders', ['id']],
      ]);
      const profile = JSON.parse(
        readFileSync(join(dir, report.evidence, 'tables', 'main.customers.json'), 'utf8'),
      );
      expect(profile.columns.find((column: { name: string }) => column.name === 'email')).toMatchObject({
        nulls: 0,
        distinct: 40,
        uniqueness: 1,
        minLength: 7,
        maxLength: 8,
      });
      expect(profile.sampling).toBe('whole table (40 rows ≤ 10000)');

      // Unchanged tables are carried over; --full profiles them again.
      const again = await runScan({
        projectDir: dir,
        connectionId: 'w',
        connector,
        now: () => new Date(Date.now() + 1000),
      });
      expect(again).toMatchObject({ profiled: 0, reused: 3 });
      const full = await runScan({
        projectDir: dir,
        connectionId: 'w',
        connector,
        full: true,
        now: () => new Date(Date.now() + 2000),
      });
      expect(full).toMatchObject({ profiled: 3, reused: 0 });
    } finally {
      await connector.close();
    }
  });

  it('DuckDB: a reservoir sample of the configured size, through the read-only connector', async () => {
    const dir = tempDir();
    const instance = await DuckDBInstance.create(join(dir, 'w.duckdb'));
    const connection = await instance.connect();
    await connection.run(SCHEMA);
    await connection.run(rows());
    connection.closeSync();
    instance.closeSync();
    const connector = await createConnector({ driver: 'duckdb', id: 'w', path: join(dir, 'w.duckdb') });
    try {
      const report = await runScan({
        projectDir: dir,
        connectionId: 'w',
        connector,
        settings: { sampleRows: 50 },
      });
      expect(report.profileFailures).toEqual([]);
      const orders = JSON.parse(
        readFileSync(join(dir, report.evidence, 'tables', 'main.orders.json'), 'utf8'),
      );
      expect(orders).toMatchObject({
        sampled: 50,
        sampling: 'DuckDB reservoir sample of 50 rows (repeatable seed)',
      });
      const evidence = JSON.parse(
        readFileSync(join(dir, report.evidence, 'relationships.json'), 'utf8'),
      ) as Evidence;
      expect(
        evidence.relationships.filter((found) => found.status === 'accepted').map((found) => found.id),
      ).toEqual(['main.orders(cust_id)->main.customers(id)']);
    } finally {
      await connector.close();
    }
  });
});
