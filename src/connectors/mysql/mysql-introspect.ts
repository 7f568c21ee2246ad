import type { CellValue, IntrospectedSchema } from '../port.js';
import { CatalogBuilder } from '../shared/catalog-builder.js';
import type { MysqlFlavor } from './mysql-session.js';
import { mysqlLogicalType } from './mysql-types.js';

/** Runs one catalog query with `?` values and returns every row converted. */
export type MysqlCatalogQuery = (sql: string, values: unknown[]) => Promise<CellValue[][]>;

const SYSTEM_SCHEMAS = ['mysql', 'information_schema', 'performance_schema', 'sys'];

const scopeOn = (column: string, scope: readonly string[] | undefined) =>
  scope
    ? { where: `${column} IN (?)`, values: [[...scope]] }
    : { where: `${column} NOT IN (?)`, values: [SYSTEM_SCHEMAS] };

// @see https://dev.mysql.com/doc/refman/8.4/en/information-schema-tables-table.html
const TABLES =
  'SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_ROWS FROM information_schema.TABLES';
const COLUMNS = `SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,
  COLUMN_COMMENT FROM information_schema.COLUMNS`;
const KEYS = `SELECT k.TABLE_SCHEMA, k.TABLE_NAME, c.CONSTRAINT_TYPE, k.CONSTRAINT_NAME, k.COLUMN_NAME,
    k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME
  FROM information_schema.TABLE_CONSTRAINTS c JOIN information_schema.KEY_COLUMN_USAGE k
    ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME
    AND k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME
  WHERE c.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')`;
// MariaDB's JSON is LONGTEXT with a json_valid() check constraint.
// @see https://mariadb.com/kb/en/json-data-type/
const JSON_CHECKS = `SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
  WHERE CHECK_CLAUSE LIKE 'json_valid(%'`;

export async function introspectMysql(
  query: MysqlCatalogQuery,
  scope: readonly string[] | undefined,
  flavor: MysqlFlavor,
): Promise<IntrospectedSchema> {
  const builder = new CatalogBuilder();
  const tables = scopeOn('TABLE_SCHEMA', scope);
  for (const [schema, name, type, comment, rows] of await query(
    `${TABLES} WHERE ${tables.where}`,
    tables.values,
  )) {
    if (type === 'SEQUENCE') continue;
    const view = type === 'VIEW' || type === 'SYSTEM VIEW';
    builder.addTable({
      schema: text(schema),
      name: text(name),
      kind: view ? 'view' : 'table',
      comment: view ? null : orNull(comment),
      rowEstimate: view || rows === null ? null : Number(rows),
    });
  }
  const jsonColumns = flavor === 'mariadb' ? await mariadbJsonColumns(query, scope) : new Set<string>();
  for (const [schema, table, name, ordinal, columnType, nullable, comment] of await query(
    `${COLUMNS} WHERE ${tables.where}`,
    tables.values,
  )) {
    const json = jsonColumns.has(key(schema, table, name));
    builder.addColumn(text(schema), text(table), {
      name: text(name),
      ordinal: Number(ordinal),
      nativeType: json ? 'json' : text(columnType),
      type: json ? 'json' : mysqlLogicalType(text(columnType)),
      nullable: nullable === 'YES',
      comment: orNull(comment),
    });
  }
  addKeys(builder, await query(`${KEYS} AND c.${tables.where}`, tables.values));
  return { tables: builder.build() };
}

/** KEY_COLUMN_USAGE has one row per column, in order; rows of one constraint are grouped here. */
function addKeys(builder: CatalogBuilder, rows: CellValue[][]): void {
  const keys = new Map<string, { row: CellValue[]; columns: string[]; referenced: string[] }>();
  for (const row of rows) {
    const [schema, table, , constraint, column, , , referencedColumn] = row;
    const id = key(schema, table, constraint);
    const entry = keys.get(id) ?? { row, columns: [], referenced: [] };
    entry.columns.push(text(column));
    if (referencedColumn !== null) entry.referenced.push(text(referencedColumn));
    keys.set(id, entry);
  }
  for (const { row, columns, referenced } of keys.values()) {
    const [schema, table, type, , , referencedSchema, referencedTable] = row;
    if (type === 'PRIMARY KEY') builder.setPrimaryKey(text(schema), text(table), columns);
    else if (type === 'UNIQUE') builder.addUniqueKey(text(schema), text(table), columns);
    else {
      builder.addForeignKey(text(schema), text(table), {
        columns,
        referencedSchema: text(referencedSchema),
        referencedTable: text(referencedTable),
        referencedColumns: referenced,
      });
    }
  }
}

async function mariadbJsonColumns(query: MysqlCatalogQuery, scope: readonly string[] | undefined) {
  const checks = scopeOn('CONSTRAINT_SCHEMA', scope);
  const columns = new Set<string>();
  for (const [schema, table, clause] of await query(`${JSON_CHECKS} AND ${checks.where}`, checks.values)) {
    const column = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(text(clause))?.[1];
    if (column) columns.add(key(schema, table, column.replaceAll('``', '`')));
  }
  return columns;
}

function key(...parts: Array<CellValue | undefined>): string {
  return JSON.stringify(parts.map(text));
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function orNull(value: CellValue | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
