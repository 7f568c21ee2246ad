import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/** Two columns, or two segments, of one source with the same name. */
export const duplicateColumnNames: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    for (const [kind, members] of [
      ['column', source.columns],
      ['segment', source.segments],
    ] as const) {
      const seen = new Set<string>();
      for (const member of members) {
        if (seen.has(member.name)) {
          diagnostics.push({
            severity: 'error',
            code: `duplicate-${kind}`,
            message: `source \`${source.name}\` defines ${kind} \`${member.name}\` more than once`,
            ...at(member.site, 'name'),
            fix: 'rename or remove one of them',
          });
        }
        seen.add(member.name);
      }
    }
  }
  return diagnostics;
};
