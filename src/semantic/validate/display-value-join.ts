import type { Diagnostic } from '../../core/index.js';
import { at } from './diagnostic-at.js';
import type { ValidationRule } from './validation-context.js';

const DISPLAY_NAMES = new Set(['name', 'email', 'label', 'title', 'description']);
const DISPLAY_SUFFIXES = ['_name', '_email', '_label', '_title', '_description'];

function looksLikeDisplayValue(column: string): boolean {
  const lowered = column.toLowerCase();
  return DISPLAY_NAMES.has(lowered) || DISPLAY_SUFFIXES.some((suffix) => lowered.endsWith(suffix));
}

function looksLikeIdentifier(column: string): boolean {
  const lowered = column.toLowerCase();
  return lowered === 'id' || lowered.endsWith('_id');
}

/**
 * The reference's heuristic (spec §1.11 item 3): a many-to-one or one-to-one join from a display
 * value (`customer_name`, `email`) to an identifier in the target's grain (`id`, `*_id`) is almost
 * always a wrong key that silently matches nothing.
 */
export const displayValueJoin: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const source of model.sources.values()) {
    for (const join of source.joins) {
      const target = model.sources.get(join.to);
      if (!target || join.relationship === 'one_to_many') continue;
      for (const key of join.keys) {
        const known = source.columns.some((column) => column.name === key.from);
        const targetKnown = target.columns.some((column) => column.name === key.to);
        if (!known || !targetKnown || !target.grain.includes(key.to)) continue;
        if (!looksLikeDisplayValue(key.from) || !looksLikeIdentifier(key.to)) continue;
        diagnostics.push({
          severity: 'error',
          code: 'display-value-join',
          message: `\`${source.name}\` joins \`${key.from}\` to \`${join.to}.${key.to}\`, but \`${key.from}\` looks like a display value and \`${key.to}\` is an identifier`,
          ...at(join.site, 'on'),
          fix: `join on the matching key column (e.g. a \`${join.to}\` id), or remove this join`,
        });
      }
    }
  }
  return diagnostics;
};
