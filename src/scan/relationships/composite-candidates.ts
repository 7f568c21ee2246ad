import { decide } from './decide.js';
import type { PrimaryKeyFinding, RelationshipFinding } from './relationship.js';
import type { ColumnInfo, TableInfo } from './table-index.js';
import { mapPool, type Validator } from './validator.js';

/**
 * Composite foreign keys: for every 2–3 column key (declared or inferred), other tables holding a
 * column of the same name (table prefixes ignored: `l_partkey` ~ `ps_partkey`) and type family for
 * each key column are validated as one tuple.
 */
export async function compositeCandidates(
  tables: readonly TableInfo[],
  primaryKeys: readonly PrimaryKeyFinding[],
  declaredSources: ReadonlySet<string>,
  validator: Validator,
  concurrency: number,
): Promise<RelationshipFinding[]> {
  const byKey = new Map(tables.map((table) => [table.key, table]));
  const work: { from: ColumnInfo[]; to: ColumnInfo[] }[] = [];
  for (const key of primaryKeys) {
    if (key.status !== 'accepted' || key.columns.length < 2 || key.columns.length > 3) continue;
    const target = byKey.get(`${key.schema}.${key.table}`);
    if (!target) continue;
    const to = key.columns.map((name) => target.byName.get(name)!);
    for (const table of tables) {
      if (table === target) continue;
      const from = to.map((column) =>
        table.columns.find(
          (candidate) =>
            candidate.tokens.join('_') === column.tokens.join('_') &&
            candidate.family === column.family &&
            candidate.family !== undefined,
        ),
      );
      if (from.some((column) => column === undefined)) continue;
      const columns = from as ColumnInfo[];
      if (declaredSources.has(`${table.key}(${columns.map((column) => column.name).join(',')})`)) continue;
      work.push({ from: columns, to });
    }
  }
  const results = await mapPool(work, concurrency, async ({ from, to }) => {
    const candidate = {
      from,
      to,
      origin: 'composite' as const,
      nameScore: 0.9,
      reasons: ['names: every key column reappears in the source'],
    };
    const target = {
      schema: to[0]!.table.source.schema,
      table: to[0]!.table.source.name,
      columns: to.map((column) => column.name),
    };
    const source = {
      schema: from[0]!.table.source.schema,
      table: from[0]!.table.source.name,
      columns: from.map((column) => column.name),
    };
    if (validator.exhausted) return undefined;
    const key = await validator.keyCheck(target);
    if (!key) return undefined;
    return decide(candidate, key, await validator.containment(source, target));
  });
  return results.filter(
    (found): found is RelationshipFinding => found !== undefined && found.status !== 'rejected',
  );
}
