import { type Diagnostic, didYouMean } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/** `segments:` of a measure must name segments of the same source (the planner would refuse it). */
export const measureSegments: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const names = source.segments.map((segment) => segment.name);
    for (const measure of source.measures) {
      for (const name of measure.segments) {
        if (names.includes(name)) continue;
        diagnostics.push({
          severity: 'error',
          code: 'unknown-segment',
          message: `measure \`${source.name}.${measure.name}\` uses segment \`${name}\`, which \`${source.name}\` does not define${didYouMean(name, names)}`,
          ...at(measure.site, 'segments'),
          fix:
            names.length > 0
              ? `use one of: ${names.join(', ')}`
              : 'define the segment under `segments:` of this source',
        });
      }
    }
  }
  return diagnostics;
};
