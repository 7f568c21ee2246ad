/**
 * Ordered, append-only migrations of `.ktx/state.sqlite`. Never edit a shipped entry: add a new
 * version. The store is derived data, so a migration may drop and rebuild a table freely.
 */
export interface StateMigration {
  version: number;
  name: string;
  sql: string;
}

export const STATE_MIGRATIONS: readonly StateMigration[] = [
  {
    version: 1,
    name: 'connection-checks',
    sql: `
      CREATE TABLE connection_checks (
        connection_id TEXT PRIMARY KEY,
        checked_at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        latency_ms REAL,
        server_version TEXT,
        error_code TEXT,
        error_message TEXT
      );
      CREATE TABLE command_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        exit_code INTEGER
      );
    `,
  },
];
