import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Two plain joins from one source to the same target on different keys (`bill_region_id` and
 * `ship_region_id` → `regions`) make every query through them ambiguous: the planner refuses rather
 * than pick one, so say so when the YAML is written. One of them needs an `alias` (a role).
 */
export const parallelJoins: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const seen = new Map<string, string>();
    for (const join of source.joins) {
      if (join.alias) continue;
      const keys = join.keys
        .map((key) => `${key.from}=${key.to}`)
        .sort()
        .join(',');
      const earlier = seen.get(join.to);
      if (earlier !== undefined && earlier !== keys) {
        diagnostics.push({
          severity: 'warning',
          code: 'parallel-joins',
          message: `\`${source.name}\` joins \`${join.to}\` twice without an alias, so queries reaching \`${join.to}\` are ambiguous`,
          ...at(join.site, 'to'),
          fix: `give one of the joins an \`alias\` (a role name such as \`${source.name}_${join.to}\`) and query that name`,
        });
      }
      if (earlier === undefined) seen.set(join.to, keys);
    }
  }
  return diagnostics;
};
