import { type Diagnostic, didYouMean } from '../../core/index.js';
import { sqlProjection } from '../model/sql-projection.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Grain entries must be unqualified names of declared columns, and for a SQL source also appear in
 * its SELECT list (skipped for `SELECT *` and for unnamed expressions we cannot read; output names
 * are compared case-insensitively because engines fold unquoted names).
 */
export const grainColumns: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const names = source.columns.map((column) => column.name);
    const projection = source.relation.kind === 'sql' ? sqlProjection(source.relation.sql) : undefined;
    const projected = new Set(projection?.columns.map((name) => name.toLowerCase()));
    const site = at(source.grainSite ?? source.site, source.grainSite ? undefined : 'grain');
    for (const entry of source.grain) {
      if (entry.includes('.')) {
        diagnostics.push({
          severity: 'error',
          code: 'grain-qualified',
          message: `grain entry \`${entry}\` of \`${source.name}\` is qualified; grain lists the source's own output columns`,
          ...site,
          fix: `write \`${entry.split('.').at(-1)}\``,
        });
        continue;
      }
      if (!names.includes(entry)) {
        diagnostics.push({
          severity: 'error',
          code: 'grain-not-in-columns',
          message: `grain column \`${entry}\` is not a column of \`${source.name}\`${didYouMean(entry, names)}`,
          ...site,
          fix: 'declare it under `columns:` or fix the grain',
        });
      }
      if (projection?.complete && !projected.has(entry.toLowerCase())) {
        diagnostics.push({
          severity: 'error',
          code: 'grain-not-projected',
          message: `grain column \`${entry}\` is not in the SELECT list of \`${source.name}\`'s SQL${didYouMean(entry, projection.columns)}`,
          ...site,
          fix: 'add it to the SELECT list, or remove it from grain',
        });
      }
    }
  }
  return diagnostics;
};
