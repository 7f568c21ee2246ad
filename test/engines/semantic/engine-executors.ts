import { randomBytes } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DialectName } from '../../../src/sql/index.js';
import { serverUrl } from '../../support/servers.js';

export interface FixtureTable {
  columns: Record<string, 'integer' | 'decimal' | 'text' | 'date'>;
  rows: unknown[][];
}

/** A writable scratch database on one engine, loaded with the fixture; SQL results as plain arrays. */
export interface EngineExecutor {
  dialect: DialectName;
  run(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

const TYPES: Record<
  'sqlite' | 'duckdb' | 'postgres' | 'mysql',
  Record<FixtureTable['columns'][string], string>
> = {
  sqlite: { integer: 'INTEGER', decimal: 'NUMERIC', text: 'TEXT', date: 'TEXT' },
  duckdb: { integer: 'INTEGER', decimal: 'DECIMAL(12,2)', text: 'VARCHAR', date: 'DATE' },
  postgres: { integer: 'INTEGER', decimal: 'NUMERIC(12,2)', text: 'TEXT', date: 'DATE' },
  mysql: { integer: 'INT', decimal: 'DECIMAL(12,2)', text: 'VARCHAR(100)', date: 'DATE' },
};

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

function fixtureSql(engine: keyof typeof TYPES, tables: Record<string, FixtureTable>): string[] {
  return Object.entries(tables).flatMap(([name, table]) => [
    `CREATE TABLE ${name} (${Object.entries(table.columns)
      .map(([column, type]) => `${column} ${TYPES[engine][type]}`)
      .join(', ')})`,
    `INSERT INTO ${name} VALUES ${table.rows.map((row) => `(${row.map(literal).join(', ')})`).join(', ')}`,
  ]);
}

async function sqliteExecutor(tables: Record<string, FixtureTable>): Promise<EngineExecutor> {
  const db = new Database(':memory:');
  for (const statement of fixtureSql('sqlite', tables)) db.exec(statement);
  return {
    dialect: 'sqlite',
    run: async (sql) => db.prepare(sql).raw(true).all() as unknown[][],
    close: async () => {
      db.close();
    },
  };
}

async function duckdbExecutor(tables: Record<string, FixtureTable>): Promise<EngineExecutor> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of fixtureSql('duckdb', tables)) await connection.run(statement);
  return {
    dialect: 'duckdb',
    run: async (sql) => (await connection.runAndReadAll(sql)).getRowsJson() as unknown[][],
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function postgresExecutor(url: string, tables: Record<string, FixtureTable>): Promise<EngineExecutor> {
  const schema = `ktx_test_${randomBytes(4).toString('hex')}`;
  // Raw text for every type: the comparison normalises values itself, independent of pg's parsers.
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: () => (value: string) => value },
  });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET TIME ZONE 'UTC'`);
  for (const statement of fixtureSql('postgres', tables)) await client.query(statement);
  return {
    dialect: 'postgres',
    run: async (sql) => (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][],
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function mysqlExecutor(url: string, tables: Record<string, FixtureTable>): Promise<EngineExecutor> {
  const database = `ktx_test_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(url);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.pathname = `/${database}`;
  const connection = await mysql.createConnection({
    uri: scoped.toString(),
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
  });
  for (const statement of fixtureSql('mysql', tables)) await connection.query(statement);
  return {
    dialect: 'mysql',
    run: async (sql) => (await connection.query({ sql, rowsAsArray: true }))[0] as unknown[][],
    close: async () => {
      await connection.query(`DROP DATABASE ${database}`);
      await connection.end();
    },
  };
}

/** The executor for an engine, or undefined when its server is not configured here (never under CI). */
export async function engineExecutor(
  engine: 'sqlite' | 'duckdb' | 'postgres' | 'mysql',
  tables: Record<string, FixtureTable>,
): Promise<EngineExecutor | undefined> {
  switch (engine) {
    case 'sqlite':
      return sqliteExecutor(tables);
    case 'duckdb':
      return duckdbExecutor(tables);
    case 'postgres': {
      const url = serverUrl('postgres');
      return url ? postgresExecutor(url, tables) : undefined;
    }
    case 'mysql': {
      const url = serverUrl('mysql');
      return url ? mysqlExecutor(url, tables) : undefined;
    }
  }
}
