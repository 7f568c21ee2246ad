import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/run-cli.js';
import { postgresScratch } from '../support/server-fixtures.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { tempDir } from '../support/temp-dir.js';

interface Finding {
  id: string;
  status: string;
  origin: string;
  relationship: string;
  validation?: { coverage: number; targetUniqueness: number };
}

/**
 * The done-when of issue 5: a PostgreSQL schema with no declared foreign keys (and keys declared on
 * only one table) is scanned; the joins are found with their evidence, and `ktx sl query` joins
 * across them at once.
 */
describe.skipIf(skipWithout('postgres'))(
  'ktx scan discovers joins on PostgreSQL without declared foreign keys',
  () => {
    const url = serverUrl('postgres')!;
    const project = tempDir();
    let scratch: Awaited<ReturnType<typeof postgresScratch>>;
    const ktx = (...args: string[]) => runCli(['--project-dir', project, ...args]);

    beforeAll(async () => {
      scratch = await postgresScratch(
        url,
        (s) => `CREATE TABLE ${s}.customers (id int PRIMARY KEY, email text, full_name text, segment text);
        CREATE TABLE ${s}.products (sku text, title text, price numeric(8,2));
        CREATE TABLE ${s}.orders (id int, cust_id int, placed_at date, amount numeric(10,2));
        CREATE TABLE ${s}.order_lines (order_id int, line_no int, product_sku text, qty int);
        INSERT INTO ${s}.customers SELECT g, 'user' || g || '@example.com', 'Person ' || g, CASE WHEN g % 3 = 0 THEN 'enterprise' ELSE 'smb' END FROM generate_series(1, 60) g;
        INSERT INTO ${s}.products SELECT 'SKU-' || (1000 + g), 'Product ' || g, g * 1.25 FROM generate_series(1, 25) g;
        INSERT INTO ${s}.orders SELECT g, 1 + (g * 7) % 60, DATE '2025-01-01' + g, g * 2 FROM generate_series(1, 400) g;
        INSERT INTO ${s}.order_lines SELECT 1 + (g % 400), g / 400, 'SKU-' || (1001 + g % 25), 1 + g % 4 FROM generate_series(0, 1199) g;
        ANALYZE ${s}.customers; ANALYZE ${s}.products; ANALYZE ${s}.orders; ANALYZE ${s}.order_lines;`,
      );
      const setup = await ktx(
        'setup',
        '--no-input',
        '--database',
        'postgres',
        '--database-connection-id',
        'pg',
        '--database-url',
        url,
        '--database-schema',
        scratch.schema,
      );
      expect(setup.code, setup.stderr).toBe(0);
      // A small sample so the big tables go through TABLESAMPLE rather than being read whole.
      const config = join(project, 'ktx.yaml');
      writeFileSync(config, `${readFileSync(config, 'utf8')}scan:\n  profile:\n    sampleRows: 30\n`);
    });
    afterAll(async () => {
      await scratch?.drop();
    });

    it('finds the joins with evidence, infers keys without taking email for one, and sl query joins across them', async () => {
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
      expect(report.relationships.inferred).toBe(3);

      const evidence = JSON.parse(
        readFileSync(join(project, report.evidence, 'relationships.json'), 'utf8'),
      ) as {
        relationships: Finding[];
        primaryKeys: { table: string; columns: string[]; origin: string }[];
      };
      const accepted = evidence.relationships.filter((found) => found.status === 'accepted');
      const s = scratch.schema;
      expect(accepted.map((found) => found.id).sort()).toEqual([
        `${s}.order_lines(order_id)->${s}.orders(id)`,
        `${s}.order_lines(product_sku)->${s}.products(sku)`,
        `${s}.orders(cust_id)->${s}.customers(id)`,
      ]);
      for (const found of accepted)
        expect(found.validation).toMatchObject({ coverage: 1, targetUniqueness: 1 });
      const keys = Object.fromEntries(evidence.primaryKeys.map((key) => [key.table, key]));
      expect(keys.customers).toMatchObject({ columns: ['id'], origin: 'declared' });
      expect(keys.orders).toMatchObject({ columns: ['id'], origin: 'inferred' });
      expect(keys.products).toMatchObject({ columns: ['sku'], origin: 'inferred' });
      expect(keys.order_lines).toMatchObject({ columns: ['order_id', 'line_no'], origin: 'inferred' });

      // Per-table profile evidence, sampled at random on the engine.
      const tables = readdirSync(join(project, report.evidence, 'tables'));
      expect(tables).toHaveLength(4);
      const orders = JSON.parse(
        readFileSync(join(project, report.evidence, 'tables', `${s}.orders.json`), 'utf8'),
      );
      expect(orders.sampling).toMatch(/TABLESAMPLE BERNOULLI/);
      expect(orders.sampled).toBeLessThanOrEqual(30);
      const amount = orders.columns.find((column: { name: string }) => column.name === 'amount');
      expect(amount).toMatchObject({ nulls: 0, nullRate: 0 });

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
      // Independently computed: qty per order line, summed by the segment of the order's customer.
      const expected = new Map<string, number>();
      for (let g = 0; g < 1200; g++) {
        const order = 1 + (g % 400);
        const customer = 1 + ((order * 7) % 60);
        const segment = customer % 3 === 0 ? 'enterprise' : 'smb';
        expected.set(segment, (expected.get(segment) ?? 0) + 1 + (g % 4));
      }
      expect(
        query
          .json<{ rows: [string, string | number][] }>()
          .rows.map(([segment, total]) => [segment, Number(total)])
          .sort(),
      ).toEqual([...expected.entries()].sort());
    });

    it('re-scans incrementally: unchanged tables are not profiled again unless --full', async () => {
      const again = await ktx('--json', 'scan');
      expect(again.json<{ reports: { profiled: number; reused: number }[] }>().reports[0]).toMatchObject({
        profiled: 0,
        reused: 4,
      });
      const full = await ktx('--json', 'scan', '--full');
      expect(full.json<{ reports: { profiled: number; reused: number }[] }>().reports[0]).toMatchObject({
        profiled: 4,
        reused: 0,
      });
    });
  },
);
