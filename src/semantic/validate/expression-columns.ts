import { type Diagnostic, didYouMean } from '../../core/index.js';
import { type ColumnRef, columnRefs } from '../../sql/index.js';
import type { DefinitionSite, SemanticSource } from '../model/semantic-model.js';
import { at } from './diagnostic-at.js';
import { likelyTypos } from './likely-typos.js';
import { measureReferences } from './measure-references.js';
import { type ModelNodes, modelNodes } from './model-nodes.js';
import { resolveColumn } from './resolve-column.js';
import type { ValidationRule } from './validation-context.js';

/**
 * Column names in computed columns, measure expressions and filters, and segments must exist. When
 * the physical columns are known (scanned table, readable SQL projection) an unknown name is an
 * error; when they are not, a name may be an undeclared column of the table (valid in the
 * reference), so only a name close to a declared one is flagged, as a likely typo.
 */
export const expressionColumns: ValidationRule = (model) => {
  const diagnostics: Diagnostic[] = [];
  const nodes = modelNodes(model);
  for (const source of model.sources.values()) {
    const check = (
      refs: readonly ColumnRef[],
      scope: 'own' | 'parents',
      site: DefinitionSite | undefined,
      key: string,
      subject: string,
    ) => {
      for (const ref of refs) {
        const problem = describe(nodes, source, ref, scope);
        if (problem)
          diagnostics.push({ ...problem, message: `${subject}: ${problem.message}`, ...at(site, key) });
      }
    };
    for (const column of source.columns) {
      if (column.expr)
        check(
          columnRefs(column.expr),
          'own',
          column.site,
          'expr',
          `computed column \`${source.name}.${column.name}\``,
        );
    }
    for (const measure of source.measures) {
      const subject = `measure \`${source.name}.${measure.name}\``;
      check(unique(measureReferences(measure.expr).inside), 'parents', measure.site, 'expr', subject);
      if (measure.filter) check(columnRefs(measure.filter), 'parents', measure.site, 'filter', subject);
    }
    for (const segment of source.segments) {
      check(
        columnRefs(segment.expr),
        'parents',
        segment.site,
        'expr',
        `segment \`${source.name}.${segment.name}\``,
      );
    }
  }
  return diagnostics;
};

function describe(
  nodes: ModelNodes,
  owner: SemanticSource,
  ref: ColumnRef,
  scope: 'own' | 'parents',
): Omit<Diagnostic, 'file' | 'path' | 'line'> | undefined {
  const shown = ref.table === undefined ? ref.name : `${ref.table}.${ref.name}`;
  const resolution = resolveColumn(nodes, owner, ref, scope);
  switch (resolution.kind) {
    case 'declared':
    case 'physical':
      return undefined;
    case 'unknown-qualifier':
      return {
        severity: 'error',
        code: 'unknown-column-reference',
        message: `\`${shown}\`: \`${ref.table}\` is not a source or join alias${didYouMean(ref.table ?? '', nodes.graph.nodes.keys())}`,
        fix: 'qualify with a source or alias name, or leave the name bare for this source',
      };
    case 'case-mismatch':
      return {
        severity: 'error',
        code: 'unknown-column-reference',
        message: `\`${shown}\` differs only in case from the column \`${resolution.name}\`; names are matched exactly`,
        fix: `write \`${resolution.name}\``,
      };
    case 'unknown': {
      if (resolution.certain) {
        return {
          severity: 'error',
          code: 'unknown-column-reference',
          message: `\`${shown}\` is not a column of \`${ref.table ?? owner.name}\`${didYouMean(ref.name, resolution.candidates)}`,
          fix: 'use a declared column (`ktx sl read` lists them)',
        };
      }
      const typos = likelyTypos(ref.name, resolution.candidates);
      if (typos.length === 0) return undefined;
      return {
        severity: 'warning',
        code: 'possible-column-typo',
        message: `\`${shown}\` is not a declared column${didYouMean(ref.name, typos)}`,
        fix: 'fix the name, or declare the column if the table has it',
      };
    }
  }
}

function unique(refs: readonly ColumnRef[]): ColumnRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.table ?? ''}.${ref.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
