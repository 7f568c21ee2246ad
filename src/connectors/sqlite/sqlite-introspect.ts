import type { IntrospectedSchema } from '../port.js';
import { CatalogBuilder } from '../shared/catalog-builder.js';
import type { SqliteRawValue } from './sqlite-process-pool.js';
import { sqliteLogicalType } from './sqlite-types.js';

/** Runs one catalog query and returns every row. */
export type SqliteCatalogQuery = (sql: string) => Promise<SqliteRawValue[][]>;

// Only the `main` database: the connector opens one file and the gate refuses ATTACH.
const SCHEMA = 'main';
const USER_OBJECTS = `m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

// Table-valued pragma functions join over sqlite_master, so each catalog part is one query.
// @see https://www.sqlite.org/pragma.html#pragfunc
const OBJECTS = `SELECT m.name, m.type FROM sqlite_master m WHERE ${USER_OBJECTS}`;
const COLUMNS = `SELECT m.name, p.cid, p.name, p.type, p."notnull", p.pk, p.hidden
  FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE ${USER_OBJECTS}`;
const UNIQUE_INDEXES = `SELECT m.name, il.name, il.origin, il.partial, ii.seqno, ii.name
  FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
  WHERE m.type = 'table' AND il."unique" = 1 ORDER BY m.name, il.name, ii.seqno`;
const FOREIGN_KEYS = `SELECT m.name, fk.id, fk.seq, fk."table", fk."from", fk."to"
  FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk WHERE m.type = 'table'
  ORDER BY m.name, fk.id, fk.seq`;

/** SQLite has no comments and no free row estimate (sqlite_stat1 is optional), so both are null. */
export async function introspectSqlite(
  query: SqliteCatalogQuery,
  scope: readonly string[] | undefined,
): Promise<IntrospectedSchema> {
  if (scope && !scope.includes(SCHEMA)) return { tables: [] };
  const builder = new CatalogBuilder();
  for (const [name, type] of await query(OBJECTS)) {
    const kind = type === 'view' ? 'view' : 'table';
    builder.addTable({ schema: SCHEMA, name: text(name), kind, comment: null, rowEstimate: null });
  }
  addColumns(builder, await query(COLUMNS));
  addUniqueKeys(builder, await query(UNIQUE_INDEXES));
  addForeignKeys(builder, await query(FOREIGN_KEYS));
  return { tables: builder.build() };
}

function addColumns(builder: CatalogBuilder, rows: SqliteRawValue[][]): void {
  const primaryKeys = new Map<string, Array<{ column: string; position: number; type: string }>>();
  for (const [table, , name, type, , pk] of rows) {
    if (Number(pk) === 0) continue;
    const list = primaryKeys.get(text(table)) ?? [];
    list.push({ column: text(name), position: Number(pk), type: text(type) });
    primaryKeys.set(text(table), list);
  }
  // An INTEGER PRIMARY KEY is the rowid and can never be NULL; other legacy PK columns can be.
  // @see https://www.sqlite.org/lang_createtable.html#rowids_and_the_integer_primary_key
  const rowidAliases = new Set<string>();
  for (const [table, list] of primaryKeys) {
    list.sort((a, b) => a.position - b.position);
    builder.setPrimaryKey(
      SCHEMA,
      table,
      list.map((each) => each.column),
    );
    const only = list.length === 1 ? list[0] : undefined;
    if (only?.type.toUpperCase() === 'INTEGER') rowidAliases.add(`${table}\u0000${only.column}`);
  }
  for (const [table, cid, name, type, notNull, , hidden] of rows) {
    if (Number(hidden) === 1) continue; // hidden columns of virtual tables; 2 and 3 are generated columns
    const nativeType = text(type);
    const rowid = rowidAliases.has(`${text(table)}\u0000${text(name)}`);
    builder.addColumn(SCHEMA, text(table), {
      name: text(name),
      ordinal: Number(cid) + 1,
      nativeType,
      type: nativeType ? sqliteLogicalType(nativeType) : 'unknown',
      nullable: Number(notNull) === 0 && !rowid,
      comment: null,
    });
  }
}

function addUniqueKeys(builder: CatalogBuilder, rows: SqliteRawValue[][]): void {
  const indexes = new Map<string, { table: string; columns: Array<string | null>; usable: boolean }>();
  for (const [table, index, origin, partial, , column] of rows) {
    const key = `${text(table)}\u0000${text(index)}`;
    const entry = indexes.get(key) ?? {
      table: text(table),
      columns: [],
      usable: origin !== 'pk' && !Number(partial),
    };
    entry.columns.push(column === null ? null : text(column));
    indexes.set(key, entry);
  }
  for (const entry of indexes.values()) {
    // Expression indexes have NULL column names: they are not unique keys over columns.
    if (!entry.usable || entry.columns.includes(null)) continue;
    builder.addUniqueKey(SCHEMA, entry.table, entry.columns as string[]);
  }
}

function addForeignKeys(builder: CatalogBuilder, rows: SqliteRawValue[][]): void {
  const keys = new Map<
    string,
    { table: string; referenced: string; from: string[]; to: Array<string | null> }
  >();
  for (const [table, id, , referenced, from, to] of rows) {
    const key = `${text(table)}\u0000${String(id)}`;
    const entry = keys.get(key) ?? { table: text(table), referenced: text(referenced), from: [], to: [] };
    entry.from.push(text(from));
    entry.to.push(to === null ? null : text(to));
    keys.set(key, entry);
  }
  for (const entry of keys.values()) {
    // `REFERENCES parent` without columns points at the parent's primary key.
    const referencedColumns = entry.to.includes(null)
      ? builder.primaryKeyOf(SCHEMA, entry.referenced)
      : (entry.to as string[]);
    builder.addForeignKey(SCHEMA, entry.table, {
      columns: entry.from,
      referencedSchema: SCHEMA,
      referencedTable: entry.referenced,
      referencedColumns,
    });
  }
}

function text(value: SqliteRawValue | undefined): string {
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
}
