import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';

const SEMANTIC = join(import.meta.dirname, '..', 'engines', 'semantic');

/** Writes the shop fixture (test/engines/semantic/fixtures/shop.yaml) into a SQLite file. */
export function makeShopSqlite(path: string): string {
  const { tables } = parse(readFileSync(join(SEMANTIC, 'fixtures', 'shop.yaml'), 'utf8')) as {
    tables: Record<string, { columns: Record<string, string>; rows: unknown[][] }>;
  };
  const db = new Database(path);
  for (const [name, table] of Object.entries(tables)) {
    const columns = Object.keys(table.columns);
    db.exec(`CREATE TABLE ${name} (${columns.join(', ')})`);
    const insert = db.prepare(`INSERT INTO ${name} VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of table.rows) insert.run(...row);
  }
  db.close();
  return path;
}

/** Copies the shop semantic layer into `<project>/semantic-layer/<connectionId>/`. */
export function copyShopSemanticLayer(projectDir: string, connectionId: string): void {
  cpSync(join(SEMANTIC, 'models', 'shop'), join(projectDir, 'semantic-layer', connectionId), {
    recursive: true,
  });
}
