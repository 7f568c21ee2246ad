/**
 * Loads generated demo data into SQLite (the shipped file), DuckDB, PostgreSQL or MySQL/MariaDB with
 * the same DDL shape: primary keys, the declared foreign keys only, NOT NULLs, and the same types.
 */
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/** @typedef {'sqlite' | 'duckdb' | 'postgres' | 'mysql'} DemoEngine */

const TYPES = {
  sqlite: { integer: 'INTEGER', decimal: 'NUMERIC', text: 'TEXT', date: 'DATE', timestamp: 'TIMESTAMP' },
  duckdb: {
    integer: 'INTEGER',
    decimal: 'DECIMAL(12,2)',
    text: 'VARCHAR',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
  },
  postgres: {
    integer: 'INTEGER',
    decimal: 'NUMERIC(12,2)',
    text: 'TEXT',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
  },
  mysql: {
    integer: 'INT',
    decimal: 'DECIMAL(12,2)',
    text: 'VARCHAR(255)',
    date: 'DATE',
    timestamp: 'DATETIME',
  },
};

/** @param {DemoEngine} engine @param {string} name */
const quote = (engine, name) => (engine === 'mysql' ? `\`${name}\`` : `"${name}"`);

/** @param {unknown} value */
function literal(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * CREATE TABLE statements in dependency order (plus table comments where the engine has them).
 * @param {DemoEngine} engine @param {import('./generate.mjs').DemoData} data
 */
export function demoDdl(engine, data) {
  return data.tables.flatMap((table) => {
    const q = (name) => quote(engine, name);
    const keys = table.columns.filter((column) => column.primaryKey).map((column) => q(column.name));
    const columns = table.columns.map((column) => {
      const parts = [q(column.name), TYPES[engine][column.type]];
      if (column.notNull || column.primaryKey) parts.push('NOT NULL');
      if (column.references && engine !== 'mysql')
        parts.push(`REFERENCES ${q(column.references.table)} (${q(column.references.column)})`);
      return parts.join(' ');
    });
    // MySQL ignores inline REFERENCES (MariaDB honours them), so there they are table constraints only.
    const foreign =
      engine === 'mysql'
        ? table.columns
            .filter((column) => column.references)
            .map(
              (column) =>
                `FOREIGN KEY (${q(column.name)}) REFERENCES ${q(column.references.table)} (${q(column.references.column)})`,
            )
        : [];
    const body = [...columns, `PRIMARY KEY (${keys.join(', ')})`, ...foreign].join(',\n  ');
    const create = `CREATE TABLE ${q(table.name)} (\n  ${body}\n)`;
    if (engine === 'mysql') return [`${create} COMMENT=${literal(table.comment)}`];
    if (engine === 'sqlite') return [create];
    return [create, `COMMENT ON TABLE ${q(table.name)} IS ${literal(table.comment)}`];
  });
}

/**
 * Multi-row INSERT statements with literal values (the data holds no backslashes, so every engine
 * reads the literals alike), `batch` rows each.
 * @param {DemoEngine} engine @param {import('./generate.mjs').DemoData} data
 */
export function demoInserts(engine, data, batch = 1000) {
  const statements = [];
  for (const table of data.tables) {
    const head = `INSERT INTO ${quote(engine, table.name)} (${table.columns.map((column) => quote(engine, column.name)).join(', ')}) VALUES `;
    for (let start = 0; start < table.rows.length; start += batch) {
      const values = table.rows.slice(start, start + batch).map((row) => `(${row.map(literal).join(', ')})`);
      statements.push(head + values.join(',\n'));
    }
  }
  return statements;
}

/**
 * Writes the SQLite file from scratch. The same data and SQLite library give the same bytes: one
 * transaction, fixed page size, VACUUM at the end.
 * @param {string} path @param {import('./generate.mjs').DemoData} data
 */
export function writeDemoSqlite(path, data) {
  if (existsSync(path)) rmSync(path);
  const db = new Database(path);
  try {
    db.pragma('page_size = 4096');
    db.pragma('journal_mode = DELETE');
    db.transaction(() => {
      for (const statement of demoDdl('sqlite', data)) db.exec(statement);
      for (const table of data.tables) {
        const insert = db.prepare(
          `INSERT INTO "${table.name}" VALUES (${table.columns.map(() => '?').join(', ')})`,
        );
        for (const row of table.rows) insert.run(row);
      }
    })();
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

/**
 * Loads the data through any engine's `run(sql)` (DuckDB connection.run, pg client.query, mysql2
 * connection.query), into the current schema/database.
 * @param {Exclude<DemoEngine, 'sqlite'>} engine @param {import('./generate.mjs').DemoData} data
 * @param {(sql: string) => Promise<unknown>} run
 */
export async function loadDemoData(engine, data, run) {
  for (const statement of demoDdl(engine, data)) await run(statement);
  for (const statement of demoInserts(engine, data)) await run(statement);
}
