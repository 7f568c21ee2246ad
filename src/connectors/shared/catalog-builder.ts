import type { IntrospectedColumn, IntrospectedForeignKey, IntrospectedTable } from '../port.js';

/**
 * Assembles catalog rows (tables, columns, keys), which every engine reads as flat lists, into
 * IntrospectedTables. Tables are keyed by schema and name, so same-named tables in two schemas stay
 * apart. Rows for tables that were not added (filtered out, or dropped meanwhile) are ignored.
 */
export class CatalogBuilder {
  readonly #tables = new Map<string, IntrospectedTable>();

  addTable(table: Omit<IntrospectedTable, 'columns' | 'primaryKey' | 'uniqueKeys' | 'foreignKeys'>): void {
    this.#tables.set(key(table.schema, table.name), {
      ...table,
      columns: [],
      primaryKey: [],
      uniqueKeys: [],
      foreignKeys: [],
    });
  }

  addColumn(schema: string, table: string, column: IntrospectedColumn): void {
    this.#tables.get(key(schema, table))?.columns.push(column);
  }

  setPrimaryKey(schema: string, table: string, columns: string[]): void {
    const found = this.#tables.get(key(schema, table));
    if (found && columns.length > 0) found.primaryKey = columns;
  }

  addUniqueKey(schema: string, table: string, columns: string[]): void {
    const found = this.#tables.get(key(schema, table));
    if (!found || columns.length === 0) return;
    const same = (other: string[]) =>
      other.length === columns.length && other.every((c, i) => c === columns[i]);
    if (!found.uniqueKeys.some(same)) found.uniqueKeys.push(columns);
  }

  addForeignKey(schema: string, table: string, foreignKey: IntrospectedForeignKey): void {
    this.#tables.get(key(schema, table))?.foreignKeys.push(foreignKey);
  }

  primaryKeyOf(schema: string, table: string): string[] {
    return this.#tables.get(key(schema, table))?.primaryKey ?? [];
  }

  /** Tables sorted by schema then name, columns by ordinal: stable output for manifests and diffs. */
  build(): IntrospectedTable[] {
    const tables = [...this.#tables.values()];
    for (const table of tables) table.columns.sort((a, b) => a.ordinal - b.ordinal);
    return tables.sort((a, b) => compare(a.schema, b.schema) || compare(a.name, b.name));
  }
}

function key(schema: string, table: string): string {
  return JSON.stringify([schema, table]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The schemas to introspect: the call's list, else the connection's, else undefined (all user schemas). */
export function schemaScope(
  requested: readonly string[] | undefined,
  configured: readonly string[] | undefined,
): readonly string[] | undefined {
  if (requested && requested.length > 0) return requested;
  if (configured && configured.length > 0) return configured;
  return undefined;
}
