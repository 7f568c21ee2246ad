import type { Diagnostic } from '../../core/index.js';
import { columnRefs } from '../../sql/index.js';
import { at } from './diagnostic-at.js';
import { measureReferences } from './measure-references.js';
import { modelNodes } from './model-nodes.js';
import { resolveColumn } from './resolve-column.js';
import type { ValidationRule } from './validation-context.js';

/**
 * A measure may aggregate or filter on a `hidden` column (that is how a raw cents column stays out of
 * queries while `revenue` is offered); noted as info so the choice is visible, never an error.
 */
export const hiddenColumnsInMeasures: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  const nodes = modelNodes(model);
  for (const source of model.sources.values()) {
    for (const measure of source.measures) {
      const refs = [
        ...measureReferences(measure.expr).inside,
        ...(measure.filter ? columnRefs(measure.filter) : []),
      ];
      const hidden = new Set<string>();
      for (const ref of refs) {
        const resolution = resolveColumn(nodes, source, ref, 'parents');
        if (resolution.kind === 'declared' && resolution.column.visibility === 'hidden') {
          hidden.add(`${resolution.source.name}.${resolution.column.name}`);
        }
      }
      for (const name of hidden) {
        diagnostics.push({
          severity: 'info',
          code: 'hidden-column-in-measure',
          message: `measure \`${source.name}.${measure.name}\` reads the hidden column \`${name}\` (fine: queries still cannot select it)`,
          ...at(measure.site, 'expr'),
        });
      }
    }
  }
  return diagnostics;
};
