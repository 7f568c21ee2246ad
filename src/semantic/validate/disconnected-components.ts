import type { Diagnostic } from '../../core/index.js';
import type { SemanticModel } from '../model/semantic-model.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Sources no join path connects cannot be combined in one query. One warning lists the components
 * (an alias join connects its source and target like any join); with `recentlyTouched`, a touched
 * source left with no joins at all also gets its own warning, as in the reference.
 */
export const disconnectedComponents: ValidationRule = (model, context) => {
  const components = componentsOf(model);
  if (components.length <= 1) return [];
  const sorted = components.sort((left, right) => right.length - left.length || compare(left[0]!, right[0]!));
  const lines = sorted.map((names, index) => {
    const shown =
      names.length > 3 ? `${names.slice(0, 2).join(', ')}, … (+${names.length - 2} more)` : names.join(', ');
    return `component ${index + 1} (${names.length} source${names.length === 1 ? '' : 's'}): ${shown}`;
  });
  const diagnostics: Diagnostic[] = [
    {
      severity: 'warning',
      code: 'disconnected-components',
      message: `the join graph has ${components.length} disconnected components; a query spanning two fails with "no join path": ${lines.join('; ')}`,
      fix: 'add joins between components that belong together (or accept that they are queried separately)',
    },
  ];
  for (const names of sorted) {
    const name = names[0]!;
    if (names.length !== 1 || !context.recentlyTouched.has(name)) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'singleton-source',
      message: `source \`${name}\` joins no other source; queries combining it with anything else will fail`,
      ...at(model.sources.get(name)?.site),
      fix: 'add joins to the sources its table or SQL relates to',
    });
  }
  return diagnostics;
};

function componentsOf(model: SemanticModel): string[][] {
  const parent = new Map<string, string>([...model.sources.keys()].map((name) => [name, name]));
  const find = (name: string): string => {
    let root = name;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(name, root);
    return root;
  };
  for (const source of model.sources.values()) {
    for (const join of source.joins) {
      if (parent.has(join.to)) parent.set(find(source.name), find(join.to));
    }
  }
  const groups = new Map<string, string[]>();
  for (const name of [...model.sources.keys()].sort(compare)) {
    const root = find(name);
    groups.set(root, [...(groups.get(root) ?? []), name]);
  }
  return [...groups.values()];
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
