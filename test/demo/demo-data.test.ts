import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, demoDataChecksum, generateDemoData } from '../../scripts/demo-data/generate.mjs';
import { writeDemoSqlite } from '../../scripts/demo-data/load.mjs';
import { tempDir } from '../support/temp-dir.js';

type DemoData = ReturnType<typeof generateDemoData>;

const shipped = join(import.meta.dirname, '..', '..', 'assets', 'demo', 'brightdock.sqlite');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function rowsOf(data: DemoData, table: string): unknown[][] {
  return data.tables.find((each) => each.name === table)!.rows;
}

function column(data: DemoData, table: string, name: string): unknown[] {
  const index = data.tables.find((each) => each.name === table)!.columns.findIndex((c) => c.name === name);
  return rowsOf(data, table).map((row) => row[index]);
}

describe('the demo data generator', () => {
  let data: DemoData;
  beforeAll(() => {
    data = generateDemoData();
  });

  it('is deterministic: the same seed gives the same rows and the same SQLite bytes', () => {
    expect(demoDataChecksum(generateDemoData(DEMO_SEED))).toBe(demoDataChecksum(data));
    expect(demoDataChecksum(generateDemoData(DEMO_SEED + 1))).not.toBe(demoDataChecksum(data));
    const dir = tempDir();
    writeDemoSqlite(join(dir, 'a.sqlite'), data);
    writeDemoSqlite(join(dir, 'b.sqlite'), generateDemoData(DEMO_SEED));
    expect(sha256(join(dir, 'a.sqlite'))).toBe(sha256(join(dir, 'b.sqlite')));
  });

  it('matches the shipped assets/demo/brightdock.sqlite row for row (else rebuild it)', () => {
    const db = new Database(shipped, { readonly: true });
    try {
      const fromFile = {
        seed: data.seed,
        tables: data.tables.map((table) => ({
          ...table,
          rows: db.prepare(`SELECT * FROM "${table.name}" ORDER BY rowid`).raw(true).all() as unknown[][],
        })),
      };
      expect(
        demoDataChecksum(fromFile),
        'assets/demo/brightdock.sqlite is stale: run `node scripts/demo-data/build.mjs`',
      ).toBe(demoDataChecksum(data));
    } finally {
      db.close();
    }
  });

  it('has twelve related tables and about 100k rows, small enough to ship', () => {
    expect(data.tables).toHaveLength(12);
    const total = data.tables.reduce((sum, table) => sum + table.rows.length, 0);
    expect(total).toBeGreaterThan(80_000);
    expect(total).toBeLessThan(120_000);
    expect(readFileSync(shipped).length).toBeLessThan(8_000_000);
  });

  it('obeys every foreign key, declared or not, so the scan can discover the hidden ones', () => {
    const hidden = data.tables.flatMap((table) =>
      table.columns.filter((c) => c.hiddenReference).map((c) => ({ table: table.name, ...c })),
    );
    expect(hidden.length).toBeGreaterThanOrEqual(8);
    for (const table of data.tables) {
      for (const each of table.columns) {
        const target = each.references ?? each.hiddenReference;
        if (!target) continue;
        const keys = new Set(column(data, target.table, target.column));
        const orphans = column(data, table.name, each.name).filter(
          (value) => value !== null && !keys.has(value),
        );
        expect(orphans, `${table.name}.${each.name} → ${target.table}`).toEqual([]);
      }
    }
  });

  it('carries the documented warts: a test account, nulls, late arrivals, installments', () => {
    expect(rowsOf(data, 'accounts').filter((row) => row[11] === 1)).toHaveLength(1);
    expect(column(data, 'accounts', 'industry').filter((value) => value === null).length).toBeGreaterThan(10);
    expect(
      column(data, 'accounts', 'parent_account_id').filter((value) => value !== null).length,
    ).toBeGreaterThan(20);
    const events = rowsOf(data, 'product_events');
    const late = events.filter((row) => Date.parse(`${row[5]}Z`) - Date.parse(`${row[4]}Z`) > 86_400_000);
    expect(late.length).toBeGreaterThan(events.length * 0.01);
    const perInvoice = new Map<unknown, number>();
    for (const id of column(data, 'payments', 'invoice_id'))
      perInvoice.set(id, (perInvoice.get(id) ?? 0) + 1);
    expect([...perInvoice.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
    const movements = new Set(column(data, 'mrr_snapshots', 'movement'));
    for (const movement of ['new', 'expansion', 'contraction', 'churn', 'flat'])
      expect(movements).toContain(movement);
  });
});
