import type { WarehouseDriver } from '../project/index.js';

/** Guesses the driver from a URL or file name, for `--database-url` given without `--database`. */
export function inferDriver(url: string): WarehouseDriver | undefined {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^(mysql|mariadb):\/\//i.test(url)) return 'mysql';
  if (/^sqlite:/i.test(url) || /\.(sqlite3?|db)$/i.test(url)) return 'sqlite';
  if (/^duckdb:/i.test(url) || /\.duckdb$/i.test(url)) return 'duckdb';
  return undefined;
}
