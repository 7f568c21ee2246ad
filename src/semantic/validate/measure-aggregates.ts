import { type Diagnostic, didYouMean } from '../../core/index.js';
import type { ColumnRef } from '../../sql/index.js';
import type { SemanticMeasure, SemanticSource } from '../model/semantic-model.js';
import { at } from './diagnostic-at.js';
import { measureReferences } from './measure-references.js';
import { type ModelNodes, modelNodes } from './model-nodes.js';
import type { ValidationRule } from './validation-context.js';

/**
 * A measure aggregates (`sum(amount)`), or is derived: every name outside its aggregates is another
 * measure, bare for the same source or qualified (`tickets.ticket_count`). A bare column outside an
 * aggregate, a constant, a nested aggregate or an unknown measure name is an error (spec §1.6).
 */
export const measureAggregates: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  const nodes = modelNodes(model);
  for (const source of model.sources.values()) {
    for (const measure of source.measures) {
      const references = measureReferences(measure.expr);
      const report = (code: string, message: string, fix: string) =>
        diagnostics.push({
          severity: 'error',
          code,
          message: `measure \`${source.name}.${measure.name}\`: ${message}`,
          ...at(measure.site, 'expr'),
          fix,
        });
      if (references.nested) {
        report(
          'nested-aggregate',
          'an aggregate inside another aggregate is not supported',
          'aggregate once; combine measures in a derived measure instead',
        );
      }
      if (references.aggregates === 0 && references.outside.length === 0) {
        report(
          'measure-not-aggregate',
          'the expression aggregates nothing and names no measure',
          'write an aggregate such as count(*) or sum(column)',
        );
      }
      for (const ref of references.outside) {
        const problem = outsideProblem(ref, source, measure, nodes);
        if (problem) report(problem.code, problem.message, problem.fix);
      }
    }
  }
  return diagnostics;
};

function outsideProblem(
  ref: ColumnRef,
  source: SemanticSource,
  measure: SemanticMeasure,
  nodes: ModelNodes,
): { code: string; message: string; fix: string } | undefined {
  const owner = ref.table === undefined ? source : nodes.source(ref.table);
  const shown = ref.table === undefined ? ref.name : `${ref.table}.${ref.name}`;
  if (!owner) {
    return {
      code: 'unknown-measure-reference',
      message: `\`${shown}\` names no source${didYouMean(ref.table ?? '', nodes.graph.nodes.keys())}`,
      fix: 'qualify other sources’ measures as source.measure',
    };
  }
  if (owner.measures.some((each) => each.name === ref.name)) return undefined;
  if (owner.columns.some((column) => column.name === ref.name)) {
    return {
      code: 'measure-not-aggregate',
      message: `\`${shown}\` is a column used outside an aggregate`,
      fix: `aggregate it (e.g. sum(${shown})), or refer to a measure`,
    };
  }
  const candidates = owner.measures.map((each) => each.name).filter((name) => name !== measure.name);
  return {
    code: 'unknown-measure-reference',
    message: `\`${shown}\` is not a measure of \`${owner.name}\`${didYouMean(ref.name, candidates)}`,
    fix: 'name an existing measure, or aggregate a column',
  };
}
