import { stringify } from 'yaml';
import type { IntrospectedSchema, IntrospectedTable } from '../connectors/port.js';
import type { TableDescription } from './describe/table-description.js';
import { nameTokens, referenceStem } from './relationships/name-tokens.js';
import type { PrimaryKeyFinding, RelationshipFinding } from './relationships/relationship.js';

/** What relationship discovery adds to the manifests: accepted inferred joins and inferred keys. */
export interface DiscoveredStructure {
  relationships: readonly RelationshipFinding[];
  primaryKeys: readonly PrimaryKeyFinding[];
}

interface ManifestJoin {
  to: string;
  on: string;
  relationship: 'many_to_one' | 'one_to_one';
  source: 'formal' | 'inferred';
  alias?: string;
  columns: readonly string[];
}

/**
 * Two joins from one source to the same target are ambiguous to the planner unless each names a role.
 * Each such join gets an alias from its column stem (`billing_customer_id` → `billing_customer`),
 * made unique and never equal to a source name.
 */
function aliasParallelJoins(joins: ManifestJoin[], sources: ReadonlySet<string>): void {
  const byTarget = new Map<string, ManifestJoin[]>();
  for (const join of joins) byTarget.set(join.to, [...(byTarget.get(join.to) ?? []), join]);
  const used = new Set<string>();
  for (const [target, group] of byTarget) {
    if (group.length < 2) continue;
    for (const join of group) {
      const tokens = nameTokens(join.columns.join('_'));
      const stem = referenceStem(tokens)?.stem ?? tokens;
      let alias = stem.join('_') || target;
      if (sources.has(alias) || alias === target) alias = `${alias}_${join.columns.join('_')}`;
      while (used.has(alias)) alias = `${alias}_2`;
      used.add(alias);
      join.alias = alias;
    }
  }
}

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
 * column types, primary-key and nullability flags, database comments as `descriptions.db`, LLM
 * descriptions as `descriptions.ai`, and each declared foreign key as a `formal` join (one-to-one
 * when its columns are the table's key or a unique key). Deterministic: the same catalog gives byte-identical files, so git diffs show only
 * what changed in the warehouse.
 */
export function manifestShards(
  catalog: IntrospectedSchema,
  discovered?: DiscoveredStructure,
  generated: readonly TableDescription[] = [],
): ManifestShard[] {
  const aiText = new Map(generated.map((entry) => [`${entry.schema}\u0000${entry.table}`, entry]));
  const descriptionsOf = (db: string | null, ai: string | undefined) =>
    db || ai ? { descriptions: { ...(db ? { db } : {}), ...(ai ? { ai } : {}) } } : {};
  const names = sourceNames(catalog.tables);
  const allNames = new Set(names.values());
  const inferredKeys = new Map(
    (discovered?.primaryKeys ?? [])
      .filter((key) => key.origin === 'inferred' && key.status === 'accepted')
      .map((key) => [`${key.schema}\u0000${key.table}`, key.columns]),
  );
  const inferredJoins = new Map<string, RelationshipFinding[]>();
  for (const found of discovered?.relationships ?? []) {
    if (found.status !== 'accepted' || found.origin === 'formal') continue;
    const key = `${found.from.schema}\u0000${found.from.table}`;
    inferredJoins.set(key, [...(inferredJoins.get(key) ?? []), found]);
  }
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
        const tableKey = `${table.schema}\u0000${table.name}`;
        const primaryKey =
          table.primaryKey.length > 0 ? table.primaryKey : (inferredKeys.get(tableKey) ?? []);
        const keys = [table.primaryKey, ...table.uniqueKeys].filter((key) => key.length > 0);
        const formal: ManifestJoin[] = table.foreignKeys.flatMap((foreignKey) => {
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
            {
              to: targetName,
              on,
              relationship: unique ? ('one_to_one' as const) : ('many_to_one' as const),
              source: 'formal' as const,
              columns: foreignKey.columns,
            },
          ];
        });
        const inferred: ManifestJoin[] = (inferredJoins.get(tableKey) ?? []).flatMap((found) => {
          const target = byKey.get(`${found.to.schema}\u0000${found.to.table}`);
          if (!target) return [];
          const targetName = names.get(target)!;
          const on = found.from.columns
            .map((column, index) => `${column} = ${targetName}.${found.to.columns[index]}`)
            .join(' AND ');
          return [
            {
              to: targetName,
              on,
              relationship: found.relationship,
              source: 'inferred' as const,
              columns: found.from.columns,
            },
          ];
        });
        const joins = [...formal, ...inferred];
        const ai = aiText.get(tableKey);
        aliasParallelJoins(joins, allNames);
        entries[name] = {
          table: `${table.schema}.${table.name}`,
          ...descriptionsOf(table.comment, ai?.description),
          columns: table.columns
            .filter((column) => !column.name.includes('.'))
            .map((column) => ({
              name: column.name,
              type: column.nativeType,
              ...(primaryKey.includes(column.name) ? { pk: true } : {}),
              nullable: column.nullable,
              ...descriptionsOf(
                column.comment,
                ai && Object.hasOwn(ai.columns, column.name) ? ai.columns[column.name] : undefined,
              ),
            })),
          ...(joins.length > 0
            ? {
                joins: joins.map((join) => ({
                  to: join.to,
                  on: join.on,
                  relationship: join.relationship,
                  ...(join.alias ? { alias: join.alias } : {}),
                  source: join.source,
                })),
              }
            : {}),
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
