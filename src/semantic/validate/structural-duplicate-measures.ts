import type { Diagnostic } from '../../core/index.js';
import type { SemanticMeasure } from '../model/semantic-model.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Two measures of one source with the same expression and segments under different names (spec
 * §1.6): the same number twice, or, when only `filter` differs, a family better served by a segment
 * or a query-time filter. Expressions compare by parsed structure, so spacing and case of keywords
 * do not matter, while operand order does (as in the reference).
 */
export const structuralDuplicateMeasures: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const first = new Map<string, SemanticMeasure>();
    for (const measure of source.measures) {
      // A windowed measure (running total, trailing window) is a different number, never a duplicate.
      const key = JSON.stringify([measure.expr, [...measure.segments].sort(), measure.window ?? null]);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, measure);
        continue;
      }
      if (earlier.name === measure.name) continue;
      const sameFilter = JSON.stringify(earlier.filter ?? null) === JSON.stringify(measure.filter ?? null);
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-structural-measure',
        message: sameFilter
          ? `measure \`${source.name}.${measure.name}\` has the same definition as \`${earlier.name}\``
          : `measure \`${source.name}.${measure.name}\` differs from \`${earlier.name}\` only in its filter`,
        ...at(measure.site, 'expr'),
        fix: sameFilter
          ? `keep one of them (agents cannot tell which to use)`
          : 'keep one measure and express the filter as a segment (or a query-time filter)',
      });
    }
  }
  return diagnostics;
};
