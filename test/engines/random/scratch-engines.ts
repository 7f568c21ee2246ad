import Database from 'better-sqlite3';
import { engineExecutor } from '../semantic/engine-executors.js';
import type { RandomTable, Value } from './schema.js';

export type EngineName = 'sqlite' | 'duckdb' | 'postgres' | 'mysql';

/**
 * One scratch database per engine for the whole run; each seed loads its tables (their names carry
 * the seed) and drops them afterwards, since thousands of tables make PostgreSQL's final DROP SCHEMA
 * run out of lock slots. Tables may be empty, which the shared fixture loader does not allow, hence
 * this thin layer over it.
 */
export interface ScratchEngine {
  readonly name: EngineName;
  load(tables: readonly RandomTable[]): Promise<void>;
  drop(tables: readonly RandomTable[]): Promise<void>;
  run(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

const TYPES: Record<EngineName, Record<RandomTable['columns'][number]['type'], string>> = {
  sqlite: { integer: 'INTEGER', decimal: 'NUMERIC', text: 'TEXT' },
  duckdb: { integer: 'INTEGER', decimal: 'DECIMAL(12,2)', text: 'VARCHAR' },
  postgres: { integer: 'INTEGER', decimal: 'NUMERIC(12,2)', text: 'TEXT' },
  mysql: { integer: 'INT', decimal: 'DECIMAL(12,2)', text: 'VARCHAR(100)' },
};

function literal(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/** CREATE TABLE and INSERT for one table in the engine's types; also printed on a replay. */
export function statements(engine: EngineName, table: RandomTable): string[] {
  const create = `CREATE TABLE ${table.relation} (${table.columns
    .map((column) => `${column.name} ${TYPES[engine][column.type]}`)
    .join(', ')})`;
  if (table.rows.length === 0) return [create];
  const values = table.rows.map(
    (row) => `(${table.columns.map((column) => literal(row[column.name] ?? null)).join(', ')})`,
  );
  return [create, `INSERT INTO ${table.relation} VALUES ${values.join(', ')}`];
}

function sqliteEngine(): ScratchEngine {
  const db = new Database(':memory:');
  return {
    name: 'sqlite',
    load: async (tables) => {
      for (const table of tables) for (const statement of statements('sqlite', table)) db.exec(statement);
    },
    drop: async (tables) => {
      for (const table of tables) db.exec(`DROP TABLE ${table.relation}`);
    },
    run: async (sql) => db.prepare(sql).raw(true).all() as unknown[][],
    close: async () => {
      db.close();
    },
  };
}

/** The engine's scratch database, or undefined when its server is not configured here. */
export async function scratchEngine(name: EngineName): Promise<ScratchEngine | undefined> {
  if (name === 'sqlite') return sqliteEngine();
  // The shared executors create (and on close drop) a private schema or database; DDL runs through them.
  const executor = await engineExecutor(name, {});
  if (!executor) return undefined;
  // Never-analysed tables look big to PostgreSQL, which then JIT-compiles each query (~1 s apiece).
  if (name === 'postgres') await executor.run('SET jit = off');
  return {
    name,
    load: async (tables) => {
      for (const table of tables)
        for (const statement of statements(name, table)) await executor.run(statement);
    },
    drop: async (tables) => {
      for (const table of tables) await executor.run(`DROP TABLE ${table.relation}`);
    },
    run: (sql) => executor.run(sql),
    close: () => executor.close(),
  };
}
