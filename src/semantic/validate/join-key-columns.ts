import { type Diagnostic, didYouMean } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/** Every join key must be a declared column on its side: `from` on this source, `to` on the target. */
export const joinKeyColumns: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const local = source.columns.map((column) => column.name);
    for (const join of source.joins) {
      const target = model.sources.get(join.to);
      const remote = target?.columns.map((column) => column.name);
      for (const key of join.keys) {
        if (!local.includes(key.from)) {
          diagnostics.push({
            severity: 'error',
            code: 'join-column-missing',
            message: `join to \`${join.to}\` uses \`${key.from}\`, which is not a column of \`${source.name}\`${didYouMean(key.from, local)}`,
            ...at(join.site, 'on'),
            fix: `declare \`${key.from}\` on \`${source.name}\` or fix the \`on\``,
          });
        }
        if (remote && !remote.includes(key.to)) {
          diagnostics.push({
            severity: 'error',
            code: 'join-column-missing',
            message: `join to \`${join.to}\` uses \`${join.alias ?? join.to}.${key.to}\`, which is not a column of \`${join.to}\`${didYouMean(key.to, remote)}`,
            ...at(join.site, 'on'),
            fix: `declare \`${key.to}\` on \`${join.to}\` or fix the \`on\``,
          });
        }
      }
    }
  }
  return diagnostics;
};
