import { randomBytes } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DialectName } from '../../src/sql/index.js';
import { serverUrl, skipWithout } from '../support/servers.js';

/**
 * Real engines for the printer's engine checks. Each opens a writable scratch schema (an attached
 * in-memory database for SQLite, a schema for DuckDB and PostgreSQL, a database for MySQL/MariaDB)
 * named `ktx_test_<random>`, so `[schema, table]` paths resolve, and drops it on close. Cells come back
 * normalised: numbers as JS numbers, booleans as 1/0, dates and times as `YYYY-MM-DD HH:MM:SS[.fff]`.
 */
export interface PrintEngine {
  readonly dialect: DialectName;
  readonly schema: string;
  query(sql: string): Promise<Cell[][]>;
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

export type Cell = string | number | null;

export type EngineDialect = 'sqlite' | 'duckdb' | 'postgres' | 'mysql';

/** The engines available here: SQLite and DuckDB always, servers when their URL is exported. */
export function availableEngines(): EngineDialect[] {
  const engines: EngineDialect[] = ['sqlite', 'duckdb'];
  if (!skipWithout('postgres')) engines.push('postgres');
  if (!skipWithout('mysql')) engines.push('mysql');
  return engines;
}

export function openPrintEngine(dialect: EngineDialect): Promise<PrintEngine> {
  const schema = `ktx_test_${randomBytes(4).toString('hex')}`;
  switch (dialect) {
    case 'sqlite':
      return openSqlite(schema);
    case 'duckdb':
      return openDuckdb(schema);
    case 'postgres':
      return openPostgres(schema, serverUrl('postgres')!);
    case 'mysql':
      return openMysql(schema, serverUrl('mysql')!);
  }
}

const TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2})(\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `YYYY-MM-DD HH:MM:SS`, keeping a fraction only when it is not zero; other values unchanged. */
export function normaliseTime(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  const match = TIME.exec(value);
  if (!match) return value;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  return `${match[1]} ${match[2] ?? '00:00:00'}${fraction === '.' ? '' : fraction}`;
}

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && 'toDouble' in value && typeof value.toDouble === 'function') {
    return value.toDouble() as number;
  }
  return String(value);
}

async function openSqlite(schema: string): Promise<PrintEngine> {
  const db = new Database(':memory:');
  db.exec(`ATTACH DATABASE ':memory:' AS "${schema}"`);
  return {
    dialect: 'sqlite',
    schema,
    async query(sql) {
      return (db.prepare(sql).raw().all() as unknown[][]).map((row) => row.map(cell));
    },
    async execute(sql) {
      db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

async function openDuckdb(schema: string): Promise<PrintEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE SCHEMA "${schema}"`);
  return {
    dialect: 'duckdb',
    schema,
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRows().map((row) => row.map(cell));
    },
    async execute(sql) {
      await connection.run(sql);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Dates and times as text (the normaliser reads them), numerics and 64-bit integers as numbers. */
const PG_TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 1082 || oid === 1114 || oid === 1184) return (text: string) => text;
    if (oid === 20 || oid === 1700) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

async function openPostgres(schema: string, url: string): Promise<PrintEngine> {
  const client = new pg.Client({ connectionString: url, types: PG_TYPES as pg.CustomTypesConfig });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"; SET TIME ZONE 'UTC'`);
  return {
    dialect: 'postgres',
    schema,
    async query(sql) {
      const result = await client.query({ text: sql, rowMode: 'array' });
      return (result.rows as unknown[][]).map((row) => row.map(cell));
    },
    async execute(sql) {
      await client.query(sql);
    },
    async close() {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

async function openMysql(schema: string, url: string): Promise<PrintEngine> {
  const connection = await mysql.createConnection({
    uri: url,
    dateStrings: true,
    decimalNumbers: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    timezone: 'Z',
  });
  await connection.query(`CREATE DATABASE \`${schema}\``);
  await connection.query(`USE \`${schema}\``);
  return {
    dialect: 'mysql',
    schema,
    async query(sql) {
      const [rows] = await connection.query({ sql, rowsAsArray: true });
      return (rows as unknown[][]).map((row) => row.map(cell));
    },
    async execute(sql) {
      await connection.query(sql);
    },
    async close() {
      await connection.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await connection.end();
    },
  };
}
