import type { Diagnostic } from '../../core/index.js';
import { columnRefs } from '../../sql/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Computed columns are substituted inline, so one may not refer to itself, directly or through other
 * computed columns of the same source (`a → b → a`); the planner would refuse every query using it.
 */
export const computedColumnReferences: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    const computed = new Map(
      source.columns.filter((column) => column.expr).map((column) => [column.name, column]),
    );
    const dependsOn = (name: string): string[] => {
      const expr = computed.get(name)?.expr;
      if (!expr) return [];
      return columnRefs(expr)
        .filter((ref) => ref.table === undefined || ref.table === source.name)
        .map((ref) => ref.name)
        .filter((each) => computed.has(each));
    };
    const reported = new Set<string>();
    for (const [name, column] of computed) {
      if (dependsOn(name).includes(name)) {
        diagnostics.push({
          severity: 'error',
          code: 'computed-column-self-reference',
          message: `computed column \`${source.name}.${name}\` refers to itself`,
          ...at(column.site, 'expr'),
          fix: 'write the expression over the underlying columns',
        });
        continue;
      }
      const cycle = findCycle(name, dependsOn);
      const key = cycle && [...cycle].sort().join('|');
      if (!cycle || !key || reported.has(key)) continue;
      reported.add(key);
      diagnostics.push({
        severity: 'error',
        code: 'computed-column-cycle',
        message: `computed columns of \`${source.name}\` refer to each other in a cycle: ${[...cycle, name].join(' → ')}`,
        ...at(column.site, 'expr'),
        fix: 'write one of them over the underlying columns',
      });
    }
  }
  return diagnostics;
};

/** A path `start → … → start` through `next`, if one exists (start first, not repeated at the end). */
function findCycle(start: string, next: (name: string) => string[]): string[] | undefined {
  const seen = new Set<string>();
  const search = (path: string[]): string[] | undefined => {
    for (const target of next(path.at(-1)!)) {
      if (target === start) return path;
      if (seen.has(target)) continue;
      seen.add(target);
      const found = search([...path, target]);
      if (found) return found;
    }
    return undefined;
  };
  return search([start]);
}
