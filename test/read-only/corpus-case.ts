import { DIALECT_NAMES, type DialectName } from '../../src/sql/index.js';

/**
 * A statement the gate must refuse in every dialect listed. `engineRefuses` records, per dialect,
 * whether the engine's own read-only session (PostgreSQL and MySQL/MariaDB `READ ONLY`
 * transactions, SQLite opened read-only, DuckDB `READ_ONLY`) would also refuse it with an error:
 * `true` only when that is certain without changing anything, `false` when the engine runs it,
 * absent when it depends (privileges, files, extensions, syntax support). Statements assume a table
 * `t (id INTEGER, name TEXT)` and, in PostgreSQL and DuckDB, a sequence `s`.
 */
export interface HostileCase {
  id: string;
  sql: string;
  dialects: DialectName[];
  why: string;
  engineRefuses?: Partial<Record<DialectName, boolean>>;
}

/**
 * A real read query the gate must accept in every dialect listed. Queries assume the tables
 * `orders (id, customer_id, status, amount, created_at, updated_at)` and
 * `customers (id, name, email, region, settings)` with `settings` holding JSON.
 */
export interface AllowedCase {
  id: string;
  sql: string;
  dialects: DialectName[];
  why: string;
}

export const EVERY_DIALECT: DialectName[] = [...DIALECT_NAMES];

/** The statement timeout both corpora are checked with: sleeps within it pass, longer ones do not. */
export const CORPUS_TIMEOUT_MS = 10_000;
