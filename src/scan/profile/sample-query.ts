import type { DialectName } from '../../sql/index.js';
import { getPrinting } from '../../sql/index.js';

/** A sampling statement and how it draws its rows, for the evidence file. */
export interface SampleQuery {
  sql: string;
  method: string;
}

/** Seed for engines with repeatable sampling, so a re-scan of the same data sees the same rows. */
const SEED = 20_240_601;

export function qualifiedName(dialect: DialectName, schema: string, table: string): string {
  const printing = getPrinting(dialect);
  return `${printing.quoteIdentifier(schema)}.${printing.quoteIdentifier(table)}`;
}

/**
 * The statement that reads a bounded random sample of a table, per engine:
 * - DuckDB: `USING SAMPLE reservoir(n ROWS) REPEATABLE` — an exact-size uniform sample in one pass.
 * - PostgreSQL: `TABLESAMPLE BERNOULLI (p) REPEATABLE` with p sized from the catalog estimate to give
 *   about twice the rows wanted, then LIMIT; small or never-analysed tables use `ORDER BY random()`.
 * - SQLite, MySQL/MariaDB: no row sampling clause, so `ORDER BY random()`/`RAND()` LIMIT n when the
 *   table is larger than the sample; a table that fits is read whole (the sample is the table).
 * Every identifier is quoted by the dialect's printer.
 */
export function sampleQuery(
  dialect: DialectName,
  schema: string,
  table: string,
  columns: readonly string[],
  sampleRows: number,
  rowCount: number | null,
): SampleQuery {
  const printing = getPrinting(dialect);
  const list = columns.map((column) => printing.quoteIdentifier(column)).join(', ');
  const from = `${list.length > 0 ? list : '*'} FROM ${qualifiedName(dialect, schema, table)}`;
  const fits = rowCount !== null && rowCount <= sampleRows;
  switch (dialect) {
    case 'duckdb':
      return {
        sql: `SELECT ${from} USING SAMPLE reservoir(${sampleRows} ROWS) REPEATABLE (${SEED})`,
        method: `DuckDB reservoir sample of ${sampleRows} rows (repeatable seed)`,
      };
    case 'postgres': {
      if (rowCount !== null && rowCount > sampleRows * 10) {
        const percent = Math.min(100, Math.max(0.0001, (200 * sampleRows) / rowCount));
        const shown = Number(percent.toPrecision(3));
        return {
          sql: `SELECT ${from} TABLESAMPLE BERNOULLI (${shown}) REPEATABLE (${SEED}) LIMIT ${sampleRows}`,
          method: `TABLESAMPLE BERNOULLI (${shown}%) repeatable, capped at ${sampleRows} rows`,
        };
      }
      return {
        sql: `SELECT ${from} ORDER BY random() LIMIT ${sampleRows}`,
        method: `ORDER BY random() LIMIT ${sampleRows} (table estimate ${rowCount ?? 'unknown'} rows)`,
      };
    }
    case 'sqlite':
    case 'mysql': {
      if (fits) return { sql: `SELECT ${from}`, method: `whole table (${rowCount} rows ≤ ${sampleRows})` };
      const random = dialect === 'mysql' ? 'RAND()' : 'random()';
      return {
        sql: `SELECT ${from} ORDER BY ${random} LIMIT ${sampleRows}`,
        method: `ORDER BY ${random} LIMIT ${sampleRows}`,
      };
    }
    default:
      return {
        sql: `SELECT ${from} LIMIT ${sampleRows}`,
        method: `first ${sampleRows} rows (no random sampling)`,
      };
  }
}

export function countQuery(dialect: DialectName, schema: string, table: string): string {
  return `SELECT count(*) FROM ${qualifiedName(dialect, schema, table)}`;
}
