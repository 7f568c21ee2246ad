import { didYouMean } from '../../core/index.js';
import { joinTree } from '../graph/join-tree.js';
import type { SemanticQuery } from '../query/semantic-query.js';
import { type LogicalPlan, METRIC_TIME } from './logical-plan.js';
import { MeasureCompiler } from './measure-compiler.js';
import { groupsOf } from './measure-groups.js';
import { nodesOf, type PlanContext, queryError } from './plan-context.js';
import {
  classifyFilters,
  resolveDimensions,
  resolveMeasures,
  resolveSegments,
  splitField,
} from './resolve-query-fields.js';

export const DEFAULT_LIMIT = 1000;

/** Semantic query → logical plan. Pure; throws KtxError (`semantic_query_invalid`, `join_path_*`). */
export function buildPlan(context: PlanContext, query: SemanticQuery): LogicalPlan {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 0)
    throw queryError(`limit must be a whole number ≥ 0, got ${limit}.`, 'Pass --limit 1000 or similar.');
  const includeEmpty = query.includeEmpty ?? true;
  const dimensions = resolveDimensions(context, query);
  const compiler = new MeasureCompiler(context, resolveSegments(context, query));
  const measures = resolveMeasures(context, query, compiler);
  const { where, having } = classifyFilters(context, query, compiler);
  const bases = [...compiler.bases.values()];
  for (const reference of query.segments ?? []) {
    const node = splitField(reference).node!;
    if (!bases.some((base) => base.owner === node)) {
      throw queryError(
        `Segment \`${reference}\` applies to measures of \`${node}\`, and the query has none.`,
        `Add a measure of \`${node}\`, or use a filter instead.`,
      );
    }
  }
  if (measures.length > 0 && bases.length === 0) {
    throw queryError(
      'The measures aggregate nothing.',
      'Use a predefined measure or an aggregate such as count(orders.id).',
    );
  }
  if (measures.length === 0 && dimensions.length === 0)
    throw queryError('The query asks for nothing.', 'Pass at least one --measure or --dimension.');
  if (measures.length === 0 && having.length > 0) {
    // A dimension-only query has no aggregation to hold a measure condition; dropping it would
    // return values the condition excludes.
    throw queryError(
      'A measure condition needs a measure in the query.',
      'Add the measure it tests with --measure (or remove the filter).',
    );
  }
  const notes: string[] = [];
  const groups = groupsOf(context, bases, dimensions, where, notes);
  for (const group of groups) {
    if (group.strategy === 'distinct-keys') {
      const fanned = group.keyTree.edges
        .filter((edge) => edge.relationship === 'one_to_many')
        .map((edge) => `${edge.from} → ${edge.to}`);
      notes.push(
        `fan-out: ${fanned.join(', ')} multiplies ${group.owner} rows, so each ${group.owner} row is counted once per dimension group (distinct grain keys) before aggregating.`,
      );
    }
  }
  if (groups.length > 1)
    notes.push(
      `chasm: measures of ${groups.map((group) => group.owner).join(', ')} are aggregated separately at their own grain, then joined on the dimensions.`,
    );

  let dimensionSource: LogicalPlan['dimensionSource'];
  const metricTime = dimensions.some((dimension) => dimension.metricTime);
  if (measures.length === 0 && metricTime)
    throw queryError(`\`${METRIC_TIME}\` needs at least one measure.`, 'Add a --measure.');
  if (measures.length === 0) {
    const root = dimensions[0]!.node;
    const tree = joinTree(context.graph, root, [
      ...dimensions.map((dimension) => dimension.node),
      ...where.flatMap((filter) => [...nodesOf(filter)]),
    ]);
    dimensionSource = { tree, where };
  } else if (includeEmpty && dimensions.length > 0 && metricTime) {
    notes.push(`include_empty: ${METRIC_TIME} comes from each fact, so only periods with facts are shown.`);
  } else if (includeEmpty && dimensions.length > 0) {
    const anchor = dimensions[0]!.node;
    if (groups.some((group) => group.owner === anchor)) {
      notes.push(
        `include_empty: the first dimension comes from ${anchor}, which holds measures, so there are no empty dimension values to add.`,
      );
    } else {
      const tree = joinTree(
        context.graph,
        anchor,
        dimensions.map((dimension) => dimension.node),
      );
      if (tree.fansOut)
        notes.push(
          `include_empty: the dimensions are not all parents of ${anchor}, so only values with facts are shown.`,
        );
      else {
        const inTree = new Set([anchor, ...tree.edges.map((edge) => edge.to)]);
        dimensionSource = {
          tree,
          where: where.filter((filter) => [...nodesOf(filter)].every((node) => inTree.has(node))),
        };
      }
    }
  }
  const combine =
    measures.length === 0
      ? 'dimensions-only'
      : dimensions.length === 0
        ? groups.length > 1
          ? 'cross'
          : 'single'
        : groups.length > 1 || dimensionSource
          ? 'spine'
          : 'single';

  const outputs = [
    ...dimensions.map((dimension) => dimension.output),
    ...measures.map((measure) => measure.output),
  ];
  const orderBy = (query.orderBy ?? []).map((item) => {
    const match =
      dimensions.find(
        (dimension) =>
          dimension.output === item.field || `${dimension.node}.${dimension.column}` === item.field,
      )?.output ??
      measures.find((measure) => measure.output === item.field || measure.label === item.field)?.output;
    if (!match)
      throw queryError(
        `Cannot order by \`${item.field}\`: it is not in the query${didYouMean(item.field, outputs)}.`,
        `Order by one of: ${outputs.join(', ')}.`,
      );
    return { output: match, direction: item.direction ?? 'asc' };
  });
  const defaultOrder =
    orderBy.length > 0
      ? orderBy
      : dimensions.map((dimension) => ({ output: dimension.output, direction: 'asc' as const }));
  return {
    dimensions,
    groups,
    measures,
    having,
    combine,
    ...(dimensionSource ? { dimensionSource } : {}),
    orderBy: defaultOrder,
    limit,
    includeEmpty,
    notes,
  };
}
