import { type Diagnostic, didYouMean } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/** A join's `to` must name a source of the same connection, exactly (names are case-sensitive). */
export const joinTargets: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  const names = [...model.sources.keys()];
  for (const source of model.sources.values()) {
    for (const join of source.joins) {
      if (model.sources.has(join.to)) continue;
      const caseOnly = names.find((name) => name.toLowerCase() === join.to.toLowerCase());
      diagnostics.push({
        severity: 'error',
        code: 'join-target-missing',
        message: caseOnly
          ? `\`${source.name}\` joins to \`${join.to}\`, but source names are case-sensitive: the source is \`${caseOnly}\``
          : `\`${source.name}\` joins to \`${join.to}\`, which is not a source of this connection${didYouMean(join.to, names)}`,
        ...at(join.site, 'to'),
        fix: caseOnly
          ? `write \`to: ${caseOnly}\``
          : 'name an existing source, or add the missing one (scan the table, or write a standalone source)',
      });
    }
  }
  return diagnostics;
};
