import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A small writable SQLite database for CLI tests: `orders(id, customer, amount, created_at)`. */
export function makeShopDatabase(dir: string, name = 'shop.db'): string {
  const path = join(dir, name);
  const db = new Database(path);
  db.exec(`
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, amount NUMERIC, created_at TEXT);
    INSERT INTO orders VALUES (1, 'Ada', 12.50, '2026-01-05'), (2, 'Grace', 7, '2026-01-06'), (3, 'Ada', NULL, '2026-02-01');
  `);
  db.close();
  return path;
}
