import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/run-cli.js';
import { copyShopSemanticLayer } from '../support/shop-project.js';
import { tempDir } from '../support/temp-dir.js';

export const REVENUE_PAGE = `---
summary: How the shop counts revenue
tags: [finance, revenue]
sl_refs: [orders]
---
# Revenue

Revenue is the sum of order amounts, refunds included. Use the approved measure orders.revenue;
paid revenue (orders.paid_revenue) counts paid orders only.
`;

const DECLARED: Record<string, string> = {
  integer: 'INTEGER',
  text: 'TEXT',
  decimal: 'NUMERIC',
  date: 'DATE',
};

/**
 * The shop fixture (test/engines/semantic/fixtures/shop.yaml) with declared column types, so the
 * scan profiles text columns as text and samples their values (what dictionary_search finds).
 */
function makeTypedShop(path: string): void {
  const fixture = join(import.meta.dirname, '..', 'engines', 'semantic', 'fixtures', 'shop.yaml');
  const { tables } = parse(readFileSync(fixture, 'utf8')) as {
    tables: Record<string, { columns: Record<string, string>; rows: unknown[][] }>;
  };
  const db = new Database(path);
  for (const [name, table] of Object.entries(tables)) {
    const columns = Object.entries(table.columns);
    db.exec(
      `CREATE TABLE ${name} (${columns.map(([column, type]) => `${column} ${DECLARED[type] ?? 'TEXT'}`).join(', ')})`,
    );
    const insert = db.prepare(`INSERT INTO ${name} VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of table.rows) insert.run(...row);
  }
  db.close();
}

/**
 * A demo-like project: the shop SQLite warehouse (connection `shop`), its semantic layer, a real
 * `ktx scan` (profiles with sampled values) and one wiki page.
 */
export async function makeMcpProject(): Promise<string> {
  const dir = tempDir('ktx-mcp-');
  makeTypedShop(join(dir, 'shop.db'));
  const setup = await runCli([
    '--project-dir',
    dir,
    'setup',
    '--no-input',
    '--database-url',
    join(dir, 'shop.db'),
    '--database-connection-id',
    'shop',
  ]);
  expect(setup.code, setup.stderr).toBe(0);
  const scan = await runCli(['--project-dir', dir, 'scan', 'shop']);
  expect(scan.code, scan.stderr + scan.stdout).toBe(0);
  copyShopSemanticLayer(dir, 'shop');
  mkdirSync(join(dir, 'wiki', 'global', 'metrics'), { recursive: true });
  writeFileSync(join(dir, 'wiki', 'global', 'metrics', 'revenue.md'), REVENUE_PAGE);
  return dir;
}
