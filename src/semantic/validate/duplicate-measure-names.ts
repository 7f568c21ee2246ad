import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/** Two measures of one source with the same name: queries could not tell them apart. */
export const duplicateMeasureNames: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const seen = new Set<string>();
    for (const measure of source.measures) {
      if (seen.has(measure.name)) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-measure',
          message: `source \`${source.name}\` defines measure \`${measure.name}\` more than once`,
          ...at(measure.site, 'name'),
          fix: 'rename or remove one of them',
        });
      }
      seen.add(measure.name);
    }
  }
  return diagnostics;
};
