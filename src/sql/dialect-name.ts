/**
 * The closed set of SQL dialects ktx prints and checks. Per-dialect tables are typed
 * `satisfies Record<DialectName, …>`, so adding a name here is a compile error everywhere a dialect
 * must answer for itself.
 */
export const DIALECT_NAMES = [
  'sqlite',
  'duckdb',
  'postgres',
  'mysql',
  'snowflake',
  'bigquery',
  'clickhouse',
  'tsql',
] as const;

export type DialectName = (typeof DIALECT_NAMES)[number];

export function isDialectName(value: string): value is DialectName {
  return (DIALECT_NAMES as readonly string[]).includes(value);
}
