import { didYouMean } from '../../core/index.js';
import { type Expr, parseExpression, splitConjuncts, type TimeGrain } from '../../sql/index.js';
import type { SemanticQuery } from '../query/semantic-query.js';
import { METRIC_TIME, type PlanDimension, type PlanOutputMeasure } from './logical-plan.js';
import { type MeasureCompiler, safeParents } from './measure-compiler.js';
import {
  findMeasure,
  nodesOf,
  type PlanContext,
  qualifyColumn,
  qualifyExpr,
  queryError,
  requireNode,
} from './plan-context.js';

/** Resolving what a query names: dimensions, measures, segments and filters. */
export const GRAINS: readonly TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

export function parse(context: PlanContext, text: string, what: string): Expr {
  const result = parseExpression(text, context.model.dialect);
  if (!result.ok) {
    throw queryError(
      `Cannot read ${what} \`${text}\`: ${result.message}.`,
      'Write one SQL expression over `source.column` names.',
      { offset: result.offset },
    );
  }
  return result.expr;
}

export function splitField(field: string): { node?: string; name: string } {
  const dot = field.indexOf('.');
  return dot < 0 ? { name: field } : { node: field.slice(0, dot), name: field.slice(dot + 1) };
}

export function resolveDimensions(context: PlanContext, query: SemanticQuery): PlanDimension[] {
  const seen = new Set<string>();
  const resolved: PlanDimension[] = [];
  for (const entry of query.dimensions ?? []) {
    const { field, granularity } =
      typeof entry === 'string' ? { field: entry, granularity: undefined } : entry;
    if (granularity && !GRAINS.includes(granularity)) {
      throw queryError(
        `Unknown time grain \`${granularity}\`${didYouMean(granularity, GRAINS)}.`,
        `Use one of: ${GRAINS.join(', ')}.`,
      );
    }
    if (field === METRIC_TIME) {
      const grain = granularity ?? 'day';
      if (seen.has(`${METRIC_TIME}:${grain}`)) continue;
      seen.add(`${METRIC_TIME}:${grain}`);
      resolved.push({
        output: `${METRIC_TIME}_${grain}`,
        node: METRIC_TIME,
        column: METRIC_TIME,
        grain,
        metricTime: true,
        expr: { kind: 'null' },
      });
      continue;
    }
    const { node, name } = splitField(field);
    if (node && findMeasure(requireNode(context, node), name)) {
      throw queryError(`\`${field}\` is a measure, not a dimension.`, 'Pass it with --measure.');
    }
    const column = qualifyColumn(
      context,
      { kind: 'column', ...(node ? { table: node } : {}), name },
      { allowHidden: false },
    );
    const owner = node ?? [...nodesOf(column)][0] ?? '';
    const key = `${owner}.${name}:${granularity ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    resolved.push({
      output: granularity ? `${name}_${granularity}` : name,
      node: owner,
      column: name,
      ...(granularity ? { grain: granularity } : {}),
      expr: granularity ? { kind: 'time-trunc', grain: granularity, operand: column } : column,
    });
  }
  // Two dimensions with the same leaf name are told apart by their source.
  const counts = new Map<string, number>();
  for (const dimension of resolved) counts.set(dimension.output, (counts.get(dimension.output) ?? 0) + 1);
  return resolved.map((dimension) =>
    (counts.get(dimension.output) ?? 0) > 1
      ? { ...dimension, output: `${dimension.node}_${dimension.output}` }
      : dimension,
  );
}

export function resolveSegments(context: PlanContext, query: SemanticQuery): Map<string, Expr[]> {
  const bySource = new Map<string, Expr[]>();
  for (const reference of query.segments ?? []) {
    const { node, name } = splitField(reference);
    if (!node)
      throw queryError(
        `Segment \`${reference}\` must be qualified as \`source.segment\`.`,
        'Prefix it with its source name.',
      );
    const source = requireNode(context, node).source;
    const segment = source.segments.find((each) => each.name === name);
    if (!segment) {
      throw queryError(
        `Source \`${node}\` has no segment \`${name}\`${didYouMean(
          name,
          source.segments.map((each) => each.name),
        )}.`,
        `\`ktx sl read ${source.name}\` lists its segments.`,
      );
    }
    const qualified = qualifyExpr(context, segment.expr, {
      allowHidden: true,
      candidates: safeParents(context, node),
    });
    bySource.set(node, [...(bySource.get(node) ?? []), qualified]);
  }
  return bySource;
}

export function resolveMeasures(
  context: PlanContext,
  query: SemanticQuery,
  compiler: MeasureCompiler,
): PlanOutputMeasure[] {
  const outputs: PlanOutputMeasure[] = [];
  for (const entry of query.measures) {
    if (typeof entry !== 'string') {
      const formula = compiler.compile(parse(context, entry.expr, 'measure'), { label: entry.name });
      compiler.queryMeasures.set(entry.name, formula);
      outputs.push({ output: entry.name, formula, label: entry.expr });
      continue;
    }
    if (/[()]/.test(entry)) {
      const formula = compiler.compile(parse(context, entry, 'measure'), { label: entry });
      const output = entry
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toLowerCase();
      outputs.push({ output, formula, label: entry });
      continue;
    }
    const { node, name } = splitField(entry);
    const formula = compiler.compile(
      { kind: 'column', ...(node ? { table: node } : {}), name },
      { label: entry },
    );
    outputs.push({ output: name, formula, label: entry });
  }
  const counts = new Map<string, number>();
  for (const measure of outputs) counts.set(measure.output, (counts.get(measure.output) ?? 0) + 1);
  return outputs.map((measure) =>
    (counts.get(measure.output) ?? 0) > 1
      ? { ...measure, output: measure.label.replace(/[^A-Za-z0-9]+/g, '_') }
      : measure,
  );
}

/** Splits filters into row filters (WHERE) and measure conditions (HAVING, as formulas). */
export function classifyFilters(
  context: PlanContext,
  query: SemanticQuery,
  compiler: MeasureCompiler,
): { where: Expr[]; having: Expr[] } {
  const where: Expr[] = [];
  const having: Expr[] = [];
  for (const text of query.filters ?? []) {
    if (!text.trim()) continue;
    for (const conjunct of splitConjuncts(parse(context, text, 'filter'))) {
      if (compiler.isMeasureCondition(conjunct)) having.push(compiler.compile(conjunct, { label: text }));
      else where.push(qualifyExpr(context, conjunct, { allowHidden: false }));
    }
  }
  return { where, having };
}
