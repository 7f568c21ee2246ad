import type { PrimaryKeyFinding, RelationshipFinding } from './relationship.js';
import { type ColumnInfo, keyNameScore, type TableInfo, uniqueInSample } from './table-index.js';
import type { Validator } from './validator.js';

/**
 * Primary keys. Declared keys are taken as they are. Otherwise a column becomes the key only when
 * its name says so (`id`, `<table>_id`, `custkey`, `code`…) or accepted joins point at it, and a
 * full-table query confirms no nulls and no repeats. A unique `email` or `name` column with no key
 * name and no incoming join is never promoted. Tables with no such column try the key-like column
 * sets that were unique in the sample (composite keys of 2–3 columns).
 */
export async function inferPrimaryKeys(
  tables: readonly TableInfo[],
  relationships: readonly RelationshipFinding[],
  validator: Validator,
): Promise<PrimaryKeyFinding[]> {
  const referenced = new Map<string, number>();
  for (const found of relationships)
    if (found.status === 'accepted' && found.to.columns.length === 1)
      referenced.set(
        `${found.to.schema}.${found.to.table}.${found.to.columns[0]}`,
        (referenced.get(`${found.to.schema}.${found.to.table}.${found.to.columns[0]}`) ?? 0) + 1,
      );
  const findings: PrimaryKeyFinding[] = [];
  for (const table of tables) {
    const { schema, name } = table.source;
    if (table.source.primaryKey.length > 0) {
      findings.push({
        schema,
        table: name,
        columns: [...table.source.primaryKey],
        origin: 'declared',
        status: 'accepted',
        reasons: ['declared primary key'],
      });
      continue;
    }
    if (table.source.kind !== 'table') continue;
    const incoming = (column: ColumnInfo) => referenced.get(`${table.key}.${column.name}`) ?? 0;
    const ranked = table.columns
      .filter((column) => column.family !== undefined && uniqueInSample(column))
      .map((column) => ({ column, name: keyNameScore(column), incoming: incoming(column) }))
      .filter((entry) => entry.name >= 0.6 || entry.incoming > 0)
      .sort((left, right) => right.name - left.name || right.incoming - left.incoming);
    let found: PrimaryKeyFinding | undefined;
    for (const entry of ranked.slice(0, 2)) {
      const ref = { schema, table: name, columns: [entry.column.name] };
      if (validator.exhausted && !validator.hasKeyCheck(ref)) {
        found = {
          schema,
          table: name,
          columns: ref.columns,
          origin: 'inferred',
          status: 'review',
          reasons: ['unique in the sample; query budget spent before the full-table check'],
        };
        break;
      }
      const check = await validator.keyCheck(ref);
      if (
        check &&
        check.totalRows > 0 &&
        check.keyedRows === check.totalRows &&
        check.distinctKeys === check.keyedRows
      ) {
        const why =
          entry.name >= 0.6 ? `key name (${entry.name.toFixed(2)})` : 'referenced by accepted joins';
        found = {
          schema,
          table: name,
          columns: ref.columns,
          origin: 'inferred',
          status: 'accepted',
          reasons: [
            `${why}; ${check.totalRows} rows, no nulls, no repeats`,
            ...(entry.incoming > 0 ? [`${entry.incoming} accepted join(s) point here`] : []),
          ],
        };
        break;
      }
    }
    if (!found) {
      for (const tuple of (table.profile?.uniqueTuples ?? []).slice(0, 3)) {
        const ref = { schema, table: name, columns: tuple };
        if (validator.exhausted) break;
        const check = await validator.keyCheck(ref);
        if (
          check &&
          check.totalRows > 0 &&
          check.keyedRows === check.totalRows &&
          check.distinctKeys === check.keyedRows
        ) {
          found = {
            schema,
            table: name,
            columns: tuple,
            origin: 'inferred',
            status: 'accepted',
            reasons: [`composite key: ${check.totalRows} rows, every tuple distinct and complete`],
          };
          break;
        }
      }
    }
    if (found) findings.push(found);
  }
  return findings;
}
