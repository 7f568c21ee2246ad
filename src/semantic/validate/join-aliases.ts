import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * An alias names a graph node of its own (`billing_customer.name`), so it must be unique across the
 * connection and must not reuse a source name, or queries would reach the wrong table.
 */
export const joinAliases: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string>();
  for (const source of model.sources.values()) {
    for (const join of source.joins) {
      if (!join.alias) continue;
      if (model.sources.has(join.alias)) {
        diagnostics.push({
          severity: 'error',
          code: 'alias-shadows-source',
          message: `join alias \`${join.alias}\` on \`${source.name}\` is also the name of a source`,
          ...at(join.site, 'alias'),
          fix: `pick a role name that is not a source, e.g. \`${source.name}_${join.alias}\``,
        });
        continue;
      }
      const owner = owners.get(join.alias);
      if (owner !== undefined) {
        diagnostics.push({
          severity: 'error',
          code: 'alias-duplicate',
          message: `join alias \`${join.alias}\` is declared again (first on \`${owner}\`); only the first is reachable`,
          ...at(join.site, 'alias'),
          fix: 'give each role-playing join its own alias',
        });
        continue;
      }
      owners.set(join.alias, source.name);
    }
  }
  return diagnostics;
};
