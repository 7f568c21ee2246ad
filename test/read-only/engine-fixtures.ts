import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { openDuckDbConnector } from '../../src/connectors/duckdb/duckdb-connector.js';
import type { Connector } from '../../src/connectors/index.js';
import { openMysqlConnector } from '../../src/connectors/mysql/mysql-connector.js';
import { openPostgresConnector } from '../../src/connectors/postgres/postgres-connector.js';
import { openSqliteConnector } from '../../src/connectors/sqlite/sqlite-connector.js';
import type { DialectName } from '../../src/sql/index.js';
import { mysqlScratch, postgresScratch } from '../support/server-fixtures.js';
import { serverUrl } from '../support/servers.js';

/**
 * The database every hostile statement assumes (corpus-case.ts): `t (id INTEGER, name TEXT)` with
 * rows, plus a sequence `s` where the engine has sequences. `fingerprint()` reads every object and
 * row through a writable side channel, so "unchanged" is checked independently of the connector.
 */
export interface EngineFixture {
  /** The real connector with the statement gate switched off: only the engine's read-only layer is left. */
  openUngated(): Promise<Connector>;
  fingerprint(): Promise<string>;
  drop(): Promise<void>;
}

const ROWS = "(1, 'one'), (2, 'two'), (3, NULL)";
const noGate = { gate: () => {} };

async function sqliteFixture(): Promise<EngineFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'ktx-hostile-'));
  const path = join(dir, 'hostile.sqlite');
  const db = new Database(path);
  db.exec(`CREATE TABLE t (id INTEGER, name TEXT); INSERT INTO t VALUES ${ROWS};`);
  db.close();
  return {
    openUngated: () => openSqliteConnector({ driver: 'sqlite', id: 'hostile', path }, noGate),
    async fingerprint() {
      const reader = new Database(path, { readonly: true });
      const state = JSON.stringify([
        reader.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all(),
        reader.prepare('SELECT * FROM t ORDER BY id').all(),
        reader.pragma('user_version', { simple: true }),
      ]);
      reader.close();
      return state;
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function duckdbFixture(): Promise<EngineFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'ktx-hostile-'));
  const path = join(dir, 'hostile.duckdb');
  const write = async <T>(
    work: (connection: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<T>,
  ) => {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  };
  await write((c) =>
    c.run(`CREATE TABLE t (id INTEGER, name TEXT); INSERT INTO t VALUES ${ROWS}; CREATE SEQUENCE s;`),
  );
  return {
    openUngated: () => openDuckDbConnector({ driver: 'duckdb', id: 'hostile', path }, noGate),
    fingerprint: () =>
      write(async (c) => {
        const objects = await c.runAndReadAll(
          'SELECT schema_name, table_name FROM duckdb_tables() UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal UNION ALL SELECT schema_name, sequence_name FROM duckdb_sequences() ORDER BY 1, 2',
        );
        const rows = await c.runAndReadAll('SELECT * FROM t ORDER BY id');
        const sequence = await c.runAndReadAll(
          "SELECT last_value FROM duckdb_sequences() WHERE sequence_name = 's'",
        );
        return JSON.stringify([objects.getRows(), rows.getRows(), sequence.getRows()], (_, v) =>
          typeof v === 'bigint' ? String(v) : v,
        );
      }),
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresFixture(url: string): Promise<EngineFixture> {
  const scratch = await postgresScratch(
    url,
    (schema) =>
      `SET search_path TO ${schema}; CREATE TABLE t (id INTEGER, name TEXT); INSERT INTO t VALUES ${ROWS}; CREATE SEQUENCE s;`,
  );
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${scratch.schema}`);
  return {
    openUngated: () =>
      openPostgresConnector({ driver: 'postgres', id: 'hostile', url: scoped.toString() }, noGate),
    async fingerprint() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const objects = await client.query(
          'SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 ORDER BY 2',
          [scratch.schema],
        );
        const rows = await client.query(`SELECT * FROM ${scratch.schema}.t ORDER BY id`);
        const sequence = await client.query(`SELECT last_value, is_called FROM ${scratch.schema}.s`);
        const databases = await client.query('SELECT datname FROM pg_database ORDER BY 1');
        const roles = await client.query('SELECT rolname FROM pg_roles ORDER BY 1');
        return JSON.stringify([objects.rows, rows.rows, sequence.rows, databases.rows, roles.rows]);
      } finally {
        await client.end();
      }
    },
    drop: () => scratch.drop(),
  };
}

async function mysqlFixture(url: string): Promise<EngineFixture> {
  const scratch = await mysqlScratch(url, (database) => [
    `CREATE TABLE ${database}.t (id INTEGER, name TEXT)`,
    `INSERT INTO ${database}.t VALUES ${ROWS}`,
  ]);
  const scoped = new URL(url);
  scoped.pathname = `/${scratch.database}`;
  return {
    openUngated: () => openMysqlConnector({ driver: 'mysql', id: 'hostile', url: scoped.toString() }, noGate),
    async fingerprint() {
      const connection = await mysql.createConnection(url);
      try {
        const [objects] = await connection.query(
          'SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ? ORDER BY 1',
          [scratch.database],
        );
        const [rows] = await connection.query(`SELECT * FROM ${scratch.database}.t ORDER BY id`);
        const [databases] = await connection.query('SHOW DATABASES');
        return JSON.stringify([objects, rows, databases]);
      } finally {
        await connection.end();
      }
    },
    drop: () => scratch.drop(),
  };
}

/** The fixture for a dialect, or undefined when its server is not configured here (never under CI). */
export async function engineFixture(dialect: DialectName): Promise<EngineFixture | undefined> {
  switch (dialect) {
    case 'sqlite':
      return sqliteFixture();
    case 'duckdb':
      return duckdbFixture();
    case 'postgres': {
      const url = serverUrl('postgres');
      return url ? postgresFixture(url) : undefined;
    }
    case 'mysql': {
      const url = serverUrl('mysql');
      return url ? mysqlFixture(url) : undefined;
    }
    case 'snowflake':
    case 'bigquery':
    case 'clickhouse':
    case 'tsql':
      // No engine runs here for these; the corpus marks no engine refusals for them.
      return undefined;
  }
}
