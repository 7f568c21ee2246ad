import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import { measureReferences } from './measure-references.js';
import { modelNodes } from './model-nodes.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Derived measures may not depend on themselves, directly or through others, in this source or
 * across sources (`a.x → b.y → a.x`). Each cycle is reported once, at its first measure.
 */
export const measureCycles: ValidationRule = (model) => {
  const nodes = modelNodes(model);
  const edges = new Map<string, string[]>();
  const sites = new Map<string, Parameters<typeof at>[0]>();
  for (const source of model.sources.values()) {
    for (const measure of source.measures) {
      const key = `${source.name}.${measure.name}`;
      sites.set(key, measure.site);
      const targets: string[] = [];
      for (const ref of measureReferences(measure.expr).outside) {
        const owner = ref.table === undefined ? source : nodes.source(ref.table);
        if (owner?.measures.some((each) => each.name === ref.name)) targets.push(`${owner.name}.${ref.name}`);
      }
      edges.set(key, targets);
    }
  }
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    if (done.has(key)) return;
    const start = stack.indexOf(key);
    if (start !== -1) {
      const cycle = stack.slice(start);
      const canonical = [...cycle].sort().join('|');
      if (!reported.has(canonical)) {
        reported.add(canonical);
        diagnostics.push({
          severity: 'error',
          code: 'measure-cycle',
          message: `derived measures form a cycle: ${[...cycle, key].join(' → ')}`,
          ...at(sites.get(cycle[0]!), 'expr'),
          fix: 'define one measure of the cycle as an aggregate over columns',
        });
      }
      return;
    }
    stack.push(key);
    for (const target of edges.get(key) ?? []) visit(target);
    stack.pop();
    done.add(key);
  };
  for (const key of edges.keys()) visit(key);
  return diagnostics;
};
