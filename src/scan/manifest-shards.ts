import { stringify } from 'yaml';
import type { IntrospectedSchema, IntrospectedTable } from '../connectors/port.js';

/** One `_schema/<file>.yaml` shard: its file name and YAML text. */
export interface ManifestShard {
  file: string;
  yaml: string;
  tables: number;
}

/**
 * Source names for scanned tables: the table name, or `<schema>_<table>` when two scoped schemas
 * hold tables of the same name (names are identities and must be unique per connection).
 */
export function sourceNames(tables: readonly IntrospectedTable[]): Map<IntrospectedTable, string> {
  const counts = new Map<string, number>();
  for (const table of tables) counts.set(table.name, (counts.get(table.name) ?? 0) + 1);
  return new Map(
    tables.map((table) => [
      table,
      (counts.get(table.name) ?? 0) > 1 ? `${table.schema}_${table.name}` : table.name,
    ]),
  );
}

function shardFile(schema: string): string {
  return `${schema.replace(/[^A-Za-z0-9_-]+/g, '_') || 'schema'}.yaml`;
}

/**
 * The scanned catalog as reference-format manifest shards, one per schema: physical table, native
 * column types, primary-key and nullability flags, database comments as `descriptions.db`, and each
 * declared foreign key as a `formal` join (one-to-one when its columns are the table's key or a
 * unique key). Deterministic: the same catalog gives byte-identical files, so git diffs show only
 * what changed in the warehouse.
 */
export function manifestShards(catalog: IntrospectedSchema): ManifestShard[] {
  const names = sourceNames(catalog.tables);
  const byKey = new Map(catalog.tables.map((table) => [`${table.schema}\u0000${table.name}`, table]));
  const bySchema = new Map<string, IntrospectedTable[]>();
  for (const table of catalog.tables)
    bySchema.set(table.schema, [...(bySchema.get(table.schema) ?? []), table]);
  return [...bySchema.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([schema, tables]) => {
      const entries: Record<string, unknown> = {};
      for (const table of [...tables].sort((left, right) => left.name.localeCompare(right.name))) {
        const name = names.get(table)!;
        const keys = [table.primaryKey, ...table.uniqueKeys].filter((key) => key.length > 0);
        const joins = table.foreignKeys.flatMap((foreignKey) => {
          const target = byKey.get(`${foreignKey.referencedSchema}\u0000${foreignKey.referencedTable}`);
          if (!target) return []; // outside the scanned scope
          const targetName = names.get(target)!;
          const unique = keys.some(
            (key) =>
              key.length === foreignKey.columns.length &&
              key.every((column) => foreignKey.columns.includes(column)),
          );
          const on = foreignKey.columns
            .map((column, index) => `${column} = ${targetName}.${foreignKey.referencedColumns[index]}`)
            .join(' AND ');
          return [
            { to: targetName, on, relationship: unique ? 'one_to_one' : 'many_to_one', source: 'formal' },
          ];
        });
        entries[name] = {
          table: `${table.schema}.${table.name}`,
          ...(table.comment ? { descriptions: { db: table.comment } } : {}),
          columns: table.columns
            .filter((column) => !column.name.includes('.'))
            .map((column) => ({
              name: column.name,
              type: column.nativeType,
              ...(table.primaryKey.includes(column.name) ? { pk: true } : {}),
              nullable: column.nullable,
              ...(column.comment ? { descriptions: { db: column.comment } } : {}),
            })),
          ...(joins.length > 0 ? { joins } : {}),
        };
      }
      const header = `# Scanned from the warehouse by \`ktx scan\`; rewritten on every scan. Put your own\n# definitions in overlays or standalone sources beside _schema/, never here.\n`;
      return {
        file: shardFile(schema),
        yaml: header + stringify({ tables: entries }, { lineWidth: 0 }),
        tables: tables.length,
      };
    });
}
