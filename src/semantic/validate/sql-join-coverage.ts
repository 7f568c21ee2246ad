import type { Diagnostic } from '../../core/index.js';
import type { SemanticSource } from '../model/semantic-model.js';
import { at } from './diagnostic-at.js';
import { sqlTableReferences, tableNamesMatch } from './sql-table-references.js';
import type { ValidationRule } from './validation-context.js';

/**
 * For a SQL source just written (`recentlyTouched`): if its SQL reads another source's table and
 * projects that source's key, it must declare a join to it, or the two stay unconnected although
 * they obviously relate (spec §1.11 item 3). Scoped to touched sources so an existing project is
 * not flagged on every run.
 */
export const sqlJoinCoverage: ValidationRule = (model, context) => {
  const diagnostics: Diagnostic[] = [];
  const tables = [...model.sources.values()].filter((source) => source.relation.kind === 'table');
  for (const name of [...context.recentlyTouched].sort()) {
    const source = model.sources.get(name);
    if (source?.relation.kind !== 'sql') continue;
    const declared = new Set(source.joins.map((join) => join.to.toLowerCase()));
    const missing: SemanticSource[] = [];
    for (const reference of sqlTableReferences(source.relation.sql)) {
      const hit = tables.find(
        (candidate) =>
          candidate.name !== source.name &&
          candidate.relation.kind === 'table' &&
          tableNamesMatch(reference, candidate.relation.path),
      );
      if (!hit || declared.has(hit.name.toLowerCase()) || missing.includes(hit)) continue;
      if (exposesKey(source, hit)) missing.push(hit);
    }
    if (missing.length === 0) continue;
    const example = missing[0]!;
    diagnostics.push({
      severity: 'error',
      code: 'sql-join-coverage',
      message: `SQL source \`${source.name}\` reads ${missing.map((each) => `\`${each.name}\``).join(', ')} and projects a key of it, but declares no join to it`,
      ...at(source.site, 'joins'),
      fix: `add a join per source, e.g. {to: ${example.name}, on: "<your_fk> = ${example.name}.${example.grain[0] ?? 'id'}", relationship: many_to_one}, or drop that key from the SELECT list`,
    });
  }
  return diagnostics;
};

/** The reference's test: the source has the target's grain column, `*_<grain>`, or `<target>_id`. */
function exposesKey(source: SemanticSource, target: SemanticSource): boolean {
  const columns = source.columns.map((column) => column.name.toLowerCase());
  const targetName = target.name.toLowerCase();
  const singular = targetName.endsWith('s') ? targetName.slice(0, -1) : targetName;
  return target.grain.some((entry) => {
    const grain = entry.toLowerCase();
    if (columns.includes(grain) || columns.some((column) => column.endsWith(`_${grain}`))) return true;
    return grain === 'id' && (columns.includes(`${targetName}_id`) || columns.includes(`${singular}_id`));
  });
}
