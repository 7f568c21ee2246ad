import { KtxError } from '../../core/index.js';
import type { SqlDialect } from '../dialect.js';
import type { DialectName } from '../dialect-name.js';
import { bigqueryDialect } from './bigquery/bigquery-dialect.js';
import { clickhouseDialect } from './clickhouse/clickhouse-dialect.js';
import { duckdbDialect } from './duckdb/duckdb-dialect.js';
import { mysqlDialect } from './mysql/mysql-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import { snowflakeDialect } from './snowflake/snowflake-dialect.js';
import { sqliteDialect } from './sqlite/sqlite-dialect.js';
import { tsqlDialect } from './tsql/tsql-dialect.js';

/** Every dialect ktx knows. Adding a name to `DialectName` fails to compile until it is listed here. */
export const DIALECTS = {
  sqlite: sqliteDialect,
  duckdb: duckdbDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
  snowflake: snowflakeDialect,
  bigquery: bigqueryDialect,
  clickhouse: clickhouseDialect,
  tsql: tsqlDialect,
} as const satisfies Record<DialectName, SqlDialect>;

/** The dialect named `name`; throws `invalid_argument` for a name from outside the type system. */
export function getDialect(name: DialectName): SqlDialect {
  if (!Object.hasOwn(DIALECTS, name)) {
    throw new KtxError('invalid_argument', `Unknown SQL dialect "${String(name)}".`, {
      fix: `Use one of: ${Object.keys(DIALECTS).join(', ')}.`,
    });
  }
  return DIALECTS[name];
}
