import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/run-cli.js';
import { mysqlScratch } from '../support/server-fixtures.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { tempDir } from '../support/temp-dir.js';

function values(count: number, row: (g: number) => string): string {
  return Array.from({ length: count }, (_, g) => `(${row(g)})`).join(', ');
}

/**
 * Issue 5 on MySQL/MariaDB: a database with no declared foreign keys (a key declared on one table
 * only) is scanned; the joins are discovered and validated on the server, and `ktx sl query` joins
 * across them with the same totals as a hand-written SQL query.
 */
describe.skipIf(skipWithout('mysql'))(
  'ktx scan discovers joins on MySQL/MariaDB without foreign keys',
  () => {
    const url = serverUrl('mysql')!;
    const project = tempDir();
    let scratch: Awaited<ReturnType<typeof mysqlScratch>>;
    const ktx = (...args: string[]) => runCli(['--project-dir', project, ...args]);

    beforeAll(async () => {
      scratch = await mysqlScratch(url, (d) => [
        `CREATE TABLE ${d}.customers (id int PRIMARY KEY, email varchar(64), segment varchar(16))`,
        `CREATE TABLE ${d}.products (sku varchar(16), title varchar(64), price decimal(8,2))`,
        `CREATE TABLE ${d}.orders (id int, cust_id int, placed_at date, amount decimal(10,2))`,
        `CREATE TABLE ${d}.order_lines (order_id int, line_no int, product_sku varchar(16), qty int)`,
        `INSERT INTO ${d}.customers VALUES ${values(60, (g) => `${g + 1}, 'user${g + 1}@example.com', '${(g + 1) % 3 === 0 ? 'enterprise' : 'smb'}'`)}`,
        `INSERT INTO ${d}.products VALUES ${values(25, (g) => `'SKU-${1001 + g}', 'Product ${g + 1}', ${(g + 1) * 1.25}`)}`,
        `INSERT INTO ${d}.orders VALUES ${values(400, (g) => `${g + 1}, ${1 + (((g + 1) * 7) % 60)}, DATE '2025-01-01' + INTERVAL ${g + 1} DAY, ${(g + 1) * 2}`)}`,
        `INSERT INTO ${d}.order_lines VALUES ${values(1200, (g) => `${1 + (g % 400)}, ${Math.floor(g / 400)}, 'SKU-${1001 + (g % 25)}', ${1 + (g % 4)}`)}`,
        `ANALYZE TABLE ${d}.customers, ${d}.products, ${d}.orders, ${d}.order_lines`,
      ]);
      const database = url.replace(/\/[^/]*$/, `/${scratch.database}`);
      const setup = await ktx(
        'setup',
        '--no-input',
        '--database',
        'mysql',
        '--database-connection-id',
        'my',
        '--database-url',
        database,
      );
      expect(setup.code, setup.stdout + setup.stderr).toBe(0);
      // A small sample, so the bigger tables are drawn with ORDER BY RAND() rather than read whole.
      const config = join(project, 'ktx.yaml');
      writeFileSync(config, `${readFileSync(config, 'utf8')}scan:\n  profile:\n    sampleRows: 30\n`);
    });
    afterAll(async () => {
      await scratch?.drop();
    });

    it('finds the joins with evidence, and sl query across them matches hand-written SQL', async () => {
      const scan = await ktx('--json', 'scan');
      expect(scan.code, scan.stdout + scan.stderr).toBe(0);
      const report = scan.json<{
        reports: {
          foreignKeys: number;
          evidence: string;
          manifests: string[];
          relationships: { inferred: number };
        }[];
      }>().reports[0]!;
      expect(report.foreignKeys).toBe(0);
      const d = scratch.database;
      const evidence = JSON.parse(
        readFileSync(join(project, report.evidence, 'relationships.json'), 'utf8'),
      ) as {
        relationships: { id: string; status: string; validation?: { coverage: number } }[];
        primaryKeys: { table: string; columns: string[]; origin: string }[];
      };
      const accepted = evidence.relationships.filter((found) => found.status === 'accepted');
      expect(accepted.map((found) => found.id).sort()).toEqual([
        `${d}.order_lines(order_id)->${d}.orders(id)`,
        `${d}.order_lines(product_sku)->${d}.products(sku)`,
        `${d}.orders(cust_id)->${d}.customers(id)`,
      ]);
      for (const found of accepted) expect(found.validation?.coverage).toBe(1);
      const keys = Object.fromEntries(evidence.primaryKeys.map((key) => [key.table, key]));
      expect(keys.customers).toMatchObject({ columns: ['id'], origin: 'declared' });
      expect(keys.orders).toMatchObject({ columns: ['id'], origin: 'inferred' });
      const orders = JSON.parse(
        readFileSync(join(project, report.evidence, 'tables', `${d}.orders.json`), 'utf8'),
      );
      expect(orders.sampling).toMatch(/RAND\(\)/i);
      expect(orders.sampled).toBe(30);

      const shard = parse(readFileSync(join(project, report.manifests[0]!), 'utf8')) as {
        tables: Record<string, { joins?: unknown[] }>;
      };
      expect(shard.tables.orders?.joins).toEqual([
        { to: 'customers', on: 'cust_id = customers.id', relationship: 'many_to_one', source: 'inferred' },
      ]);

      expect((await ktx('sl', 'validate')).code).toBe(0);
      const query = await ktx(
        '--json',
        'sl',
        'query',
        '--measure',
        'sum(order_lines.qty)',
        '--dimension',
        'customers.segment',
        '--execute',
      );
      expect(query.code, query.stdout + query.stderr).toBe(0);
      const connection = await mysql.createConnection(url);
      const [rows] = await connection.query(
        `SELECT c.segment, SUM(l.qty) AS total
         FROM ${d}.order_lines l
         JOIN ${d}.orders o ON o.id = l.order_id
         JOIN ${d}.customers c ON c.id = o.cust_id
        GROUP BY c.segment`,
      );
      await connection.end();
      const expected = (rows as { segment: string; total: string }[])
        .map((row) => [row.segment, Number(row.total)])
        .sort();
      expect(expected).toHaveLength(2);
      expect(
        query
          .json<{ rows: [string, string | number][] }>()
          .rows.map(([segment, total]) => [segment, Number(total)])
          .sort(),
      ).toEqual(expected);
    });
  },
);
