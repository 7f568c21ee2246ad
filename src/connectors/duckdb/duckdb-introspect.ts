import type { DuckDBConnection, Json } from '@duckdb/node-api';
import type { IntrospectedSchema } from '../port.js';
import { CatalogBuilder } from '../shared/catalog-builder.js';
import { logicalTypeFromName } from '../shared/logical-type.js';

// DuckDB's catalog functions; `internal` marks the built-in information_schema / pg_catalog objects.
// @see https://duckdb.org/docs/stable/sql/meta/duckdb_table_functions
const IN_THIS_DATABASE = 'database_name = current_database() AND NOT internal';
const TABLES = `SELECT schema_name, table_name, comment, estimated_size FROM duckdb_tables()
  WHERE ${IN_THIS_DATABASE} AND NOT temporary`;
const VIEWS = `SELECT schema_name, view_name, comment FROM duckdb_views() WHERE ${IN_THIS_DATABASE} AND NOT temporary`;
const COLUMNS = `SELECT schema_name, table_name, column_name, column_index, data_type, is_nullable, comment
  FROM duckdb_columns() WHERE ${IN_THIS_DATABASE}`;
const CONSTRAINTS = `SELECT schema_name, table_name, constraint_type, constraint_column_names, referenced_table,
  referenced_column_names FROM duckdb_constraints() WHERE database_name = current_database()
  AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')`;

const SYSTEM_SCHEMAS = new Set(['information_schema', 'pg_catalog']);

export async function introspectDuckDb(
  connection: DuckDBConnection,
  scope: readonly string[] | undefined,
): Promise<IntrospectedSchema> {
  const inScope = (schema: string) => (scope ? scope.includes(schema) : !SYSTEM_SCHEMAS.has(schema));
  const rows = async (sql: string) =>
    (await (await connection.run(sql)).getRowsJson()).filter((row) => inScope(text(row[0])));
  const builder = new CatalogBuilder();
  for (const [schema, name, comment, size] of await rows(TABLES)) {
    const rowEstimate = size === null || size === undefined ? null : Number(size);
    builder.addTable({
      schema: text(schema),
      name: text(name),
      kind: 'table',
      comment: orNull(comment),
      rowEstimate,
    });
  }
  for (const [schema, name, comment] of await rows(VIEWS)) {
    builder.addTable({
      schema: text(schema),
      name: text(name),
      kind: 'view',
      comment: orNull(comment),
      rowEstimate: null,
    });
  }
  for (const [schema, table, name, index, nativeType, nullable, comment] of await rows(COLUMNS)) {
    builder.addColumn(text(schema), text(table), {
      name: text(name),
      ordinal: Number(index), // duckdb_columns().column_index is 1-based
      nativeType: text(nativeType),
      type: logicalTypeFromName(text(nativeType)),
      nullable: nullable === true,
      comment: orNull(comment),
    });
  }
  for (const [schema, table, kind, columns, referencedTable, referencedColumns] of await rows(CONSTRAINTS)) {
    if (kind === 'PRIMARY KEY') builder.setPrimaryKey(text(schema), text(table), list(columns));
    else if (kind === 'UNIQUE') builder.addUniqueKey(text(schema), text(table), list(columns));
    else {
      // DuckDB foreign keys reference a table of the same schema.
      builder.addForeignKey(text(schema), text(table), {
        columns: list(columns),
        referencedSchema: text(schema),
        referencedTable: text(referencedTable),
        referencedColumns: list(referencedColumns),
      });
    }
  }
  return { tables: builder.build() };
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function orNull(value: Json | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function list(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.map((each) => text(each)) : [];
}
