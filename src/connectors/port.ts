import type { DialectName } from '../sql/index.js';

/** Warehouse drivers ktx can open. A driver speaks exactly one SQL dialect; several may share one. */
export const DRIVER_NAMES = ['sqlite', 'duckdb', 'postgres', 'mysql'] as const;
export type DriverName = (typeof DRIVER_NAMES)[number];

/** The SQL dialect each driver speaks (several drivers may share one). */
export const DRIVER_DIALECT = {
  sqlite: 'sqlite',
  duckdb: 'duckdb',
  postgres: 'postgres',
  mysql: 'mysql',
} as const satisfies Record<DriverName, DialectName>;

/**
 * A JSON-safe cell. Conversions are lossless by rule: integers outside ±2^53 and every DECIMAL/NUMERIC
 * arrive as strings; dates as `YYYY-MM-DD`; timestamps as ISO 8601 (`…Z` when the source type carries
 * a time zone, no zone otherwise); binary as `0x`-prefixed hex; JSON, arrays, intervals and other
 * composite values as their text form.
 */
export type CellValue = string | number | boolean | null;

/** The engine-neutral type of a result or catalog column. */
export type LogicalType =
  | 'integer'
  | 'decimal'
  | 'float'
  | 'boolean'
  | 'text'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'timestamptz'
  | 'interval'
  | 'json'
  | 'uuid'
  | 'binary'
  | 'array'
  | 'unknown';

export interface ResultColumn {
  name: string;
  /** The engine's own type name as reported by the driver, e.g. `numeric`, `BIGINT`, `DECIMAL(18,2)`. */
  nativeType: string;
  type: LogicalType;
}

export interface QueryOptions {
  /** Row cap: at most this many rows are returned; `truncated` says whether more existed. */
  maxRows: number;
  /** Server-side statement timeout where the engine has one, client-side interrupt otherwise. */
  timeoutMs: number;
  /** Cancels the running statement on the server (not just the client wait). Rejects with `query_aborted`. */
  signal?: AbortSignal;
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: CellValue[][];
  truncated: boolean;
  elapsedMs: number;
}

export interface ConnectionProbe {
  serverVersion: string;
  latencyMs: number;
}

/** Catalog snapshot consumed by the scan. Names are exact (unquoted, case preserved). */
export interface IntrospectedSchema {
  tables: IntrospectedTable[];
}

export interface IntrospectedTable {
  /** Schema (PostgreSQL/DuckDB schema, MySQL database, SQLite attached database name: `main`). */
  schema: string;
  name: string;
  kind: 'table' | 'view';
  comment: string | null;
  /** Catalog estimate; exact count only where the engine's estimate is free (never a full scan). */
  rowEstimate: number | null;
  columns: IntrospectedColumn[];
  primaryKey: string[];
  uniqueKeys: string[][];
  foreignKeys: IntrospectedForeignKey[];
}

export interface IntrospectedColumn {
  name: string;
  ordinal: number;
  nativeType: string;
  type: LogicalType;
  nullable: boolean;
  comment: string | null;
}

export interface IntrospectedForeignKey {
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
}

export interface IntrospectOptions {
  /** Only these schemas (empty or absent: the connection's configured scope, else every user schema). */
  schemas?: readonly string[];
  signal?: AbortSignal;
}

/**
 * A live, read-only handle on one warehouse connection. Every statement passes the read-only gate
 * of its dialect before it reaches the driver, and runs inside the engine's own read-only session
 * (read-only file handle, READ ONLY transaction) with a timeout and a row cap.
 */
export interface Connector {
  readonly id: string;
  readonly driver: DriverName;
  readonly dialect: DialectName;
  /** Really connects and runs a trivial query. Rejects with `connection_failed` and a fix. */
  test(signal?: AbortSignal): Promise<ConnectionProbe>;
  query(sql: string, options: QueryOptions): Promise<QueryResult>;
  introspect(options?: IntrospectOptions): Promise<IntrospectedSchema>;
  /** Releases pools, workers and file handles. Idempotent. */
  close(): Promise<void>;
}

/** Resolved connection settings: secrets already dereferenced by the caller, paths absolute. */
export type ConnectorConfig =
  | { driver: 'sqlite'; id: string; path: string; poolSize?: number }
  | { driver: 'duckdb'; id: string; path: string; schemas?: readonly string[] }
  | { driver: 'postgres'; id: string; url: string; schemas?: readonly string[]; maxConnections?: number }
  | { driver: 'mysql'; id: string; url: string; schemas?: readonly string[]; maxConnections?: number };

export const DEFAULT_MAX_ROWS = 1000;
export const MAX_MAX_ROWS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
