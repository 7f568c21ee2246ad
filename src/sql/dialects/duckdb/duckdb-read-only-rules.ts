import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * DuckDB reads files from SQL (table functions and replacement scans), so file readers are refused
 * here and `fileTables` catches `FROM 'data.csv'`. The connector should also disable external access.
 * @see https://duckdb.org/docs/stable/clients/c/replacement_scans
 */
export const duckdbReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
    VALUES: 'query',
    TABLE: 'query',
    FROM: 'query',
    EXPLAIN: 'query',
    DESCRIBE: 'query',
    DESC: 'query',
    SUMMARIZE: 'query',
    SHOW: 'metadata',
    PRAGMA: 'pragma',
  },
  forbiddenWords: WRITE_VERBS,
  // DuckDB rejects locking clauses itself; FOR UPDATE is caught by UPDATE anyway.
  lockingClauses: [],
  forbiddenPhrases: [],
  forbiddenOperators: {},
  forbiddenFunctions: [
    // file readers and metadata of files
    'read_*',
    '*_scan',
    'glob',
    'sniff_csv',
    'parquet_*',
    'iceberg_*',
    'st_read*',
    'http_*',
    // other databases and SQL given as a string
    '*_attach',
    '*_query',
    '*_execute',
    'query',
    'query_table',
    'json_execute_serialized_sql',
    // sequence state, process environment and storage maintenance
    'nextval',
    'getenv',
    'checkpoint',
    'force_checkpoint',
    // instance-wide switches: enable_logging(storage = 'file', …) aborts the whole process when
    // external access is off, and the parser switches change how later statements parse.
    'enable_logging',
    'disable_logging',
    'truncate_duckdb_logs',
    'enable_profiling',
    'disable_profiling',
    '*_peg_parser',
  ],
  sleepFunctions: [],
  pragmas: {
    collations: 'bare',
    database_list: 'bare',
    database_size: 'bare',
    platform: 'bare',
    show_tables: 'bare',
    show_tables_expanded: 'bare',
    version: 'bare',
    storage_info: 'with-argument',
    table_info: 'with-argument',
  },
  fileTables: {
    keywords: ['FROM', 'JOIN', 'DESCRIBE', 'DESC', 'SUMMARIZE', 'SHOW'],
    extensions: [
      'csv',
      'tsv',
      'tbl',
      'txt',
      'dat',
      'json',
      'jsonl',
      'ndjson',
      'geojson',
      'parquet',
      'arrow',
      'ipc',
      'feather',
      'avro',
      'orc',
      'xlsx',
      'xls',
      'gz',
      'gzip',
      'zst',
      'zstd',
      'bz2',
      'xz',
      'lz4',
      'db',
      'duckdb',
      'sqlite',
      'sqlite3',
      'shp',
      'gpkg',
    ],
  },
};
