import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KtxError } from '../core/index.js';
import { STATE_MIGRATIONS } from './state-migrations.js';

export type StateDatabase = Database.Database;

/**
 * Opens `.ktx/state.sqlite`, applying pending migrations in one transaction each. WAL mode and a
 * busy timeout let concurrent ktx processes (CLI + MCP daemon) share it without "database is locked".
 */
export function openStateStore(path: string): StateDatabase {
  let database: StateDatabase;
  try {
    mkdirSync(dirname(path), { recursive: true });
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new KtxError('state_store', `Cannot open the state store ${path}: ${(error as Error).message}.`, {
      fix: 'It is derived data: delete .ktx/state.sqlite and re-run.',
      cause: error,
    });
  }
  migrate(database, path);
  return database;
}

function migrate(database: StateDatabase, path: string): void {
  database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current =
    (database.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ??
    0;
  const latest = STATE_MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new KtxError(
      'state_store',
      `${path} was written by a newer ktx (schema v${current}, this ktx knows v${latest}).`,
      {
        fix: 'Upgrade ktx, or delete .ktx/state.sqlite to rebuild it.',
      },
    );
  }
  for (const migration of STATE_MIGRATIONS) {
    if (migration.version <= current) continue;
    // IMMEDIATE takes the write lock up front so two processes never apply the same migration.
    database
      .transaction(() => {
        const again =
          (database
            .prepare('SELECT 1 FROM schema_migrations WHERE version = ?')
            .get(migration.version) as unknown) !== undefined;
        if (again) return;
        database.exec(migration.sql);
        database
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      })
      .immediate();
  }
}
