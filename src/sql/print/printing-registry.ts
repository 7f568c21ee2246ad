import { KtxError } from '../../core/index.js';
import type { DialectName } from '../dialect-name.js';
import { bigqueryPrinting } from '../dialects/bigquery/bigquery-printing.js';
import { clickhousePrinting } from '../dialects/clickhouse/clickhouse-printing.js';
import { duckdbPrinting } from '../dialects/duckdb/duckdb-printing.js';
import { mysqlPrinting } from '../dialects/mysql/mysql-printing.js';
import { postgresPrinting } from '../dialects/postgres/postgres-printing.js';
import { snowflakePrinting } from '../dialects/snowflake/snowflake-printing.js';
import { sqlitePrinting } from '../dialects/sqlite/sqlite-printing.js';
import { tsqlPrinting } from '../dialects/tsql/tsql-printing.js';
import type { DialectPrinting } from './dialect-printing.js';

/** How each dialect prints. Adding a name to `DialectName` fails to compile until it is listed here. */
export const PRINTING = {
  sqlite: sqlitePrinting,
  duckdb: duckdbPrinting,
  postgres: postgresPrinting,
  mysql: mysqlPrinting,
  snowflake: snowflakePrinting,
  bigquery: bigqueryPrinting,
  clickhouse: clickhousePrinting,
  tsql: tsqlPrinting,
} as const satisfies Record<DialectName, DialectPrinting>;

/** The printing contract of `name`; throws `invalid_argument` for a name from outside the type system. */
export function getPrinting(name: DialectName): DialectPrinting {
  if (!Object.hasOwn(PRINTING, name)) {
    throw new KtxError('invalid_argument', `Unknown SQL dialect "${String(name)}".`, {
      fix: `Use one of: ${Object.keys(PRINTING).join(', ')}.`,
    });
  }
  return PRINTING[name];
}
