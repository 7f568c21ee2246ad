import type { Diagnostic } from '../../core/index.js';
import type { SemanticModel } from '../model/semantic-model.js';
import { computedColumnReferences } from './computed-column-references.js';
import { disconnectedComponents } from './disconnected-components.js';
import { displayValueJoin } from './display-value-join.js';
import { dottedColumnNames } from './dotted-column-names.js';
import { duplicateColumnNames } from './duplicate-column-names.js';
import { duplicateMeasureNames } from './duplicate-measure-names.js';
import { duplicateSourceNames } from './duplicate-source-names.js';
import { expressionColumns } from './expression-columns.js';
import { grainColumns } from './grain-columns.js';
import { hiddenColumnsInMeasures } from './hidden-columns-in-measures.js';
import { joinAliases } from './join-aliases.js';
import { joinKeyColumns } from './join-key-columns.js';
import { joinTargets } from './join-targets.js';
import { measureAggregates } from './measure-aggregates.js';
import { measureCycles } from './measure-cycles.js';
import { measureSegments } from './measure-segments.js';
import { parallelJoins } from './parallel-joins.js';
import { sqlJoinCoverage } from './sql-join-coverage.js';
import { structuralDuplicateMeasures } from './structural-duplicate-measures.js';
import type { ValidateOptions, ValidationRule } from './validation-context.js';

/** Every rule, in reporting order: names and shape first, then joins, measures, the whole graph. */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  duplicateSourceNames,
  duplicateColumnNames,
  duplicateMeasureNames,
  dottedColumnNames,
  grainColumns,
  joinTargets,
  joinKeyColumns,
  joinAliases,
  parallelJoins,
  displayValueJoin,
  computedColumnReferences,
  expressionColumns,
  measureAggregates,
  measureCycles,
  measureSegments,
  hiddenColumnsInMeasures,
  structuralDuplicateMeasures,
  sqlJoinCoverage,
  disconnectedComponents,
];

/**
 * Checks a resolved model against the rules of spec §1.11 (items 1–4) and ktx's own. Pure; returns
 * diagnostics and never throws. `loadSemanticModel` already calls it, passing the definitions it saw
 * (needed for duplicate names); call it directly only for a model built another way.
 */
export function validateSemanticModel(model: SemanticModel, options: ValidateOptions = {}): Diagnostic[] {
  const context = {
    definitions: options.definitions ?? [],
    recentlyTouched: new Set(options.recentlyTouched ?? []),
  };
  return VALIDATION_RULES.flatMap((rule) => {
    try {
      return rule(model, context);
    } catch (error) {
      // A rule bug must not hide the other rules' findings (validation never throws).
      return [
        {
          severity: 'error' as const,
          code: 'validation-rule-failed',
          message: `validation rule \`${rule.name}\` failed: ${error instanceof Error ? error.message : String(error)}`,
          fix: 'this is a bug in ktx: please report it with the --debug output',
        },
      ];
    }
  });
}
