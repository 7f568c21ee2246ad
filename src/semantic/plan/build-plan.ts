import { didYouMean } from '../../core/index.js';
import { type Expr, parseExpression, splitConjuncts, type TimeGrain } from '../../sql/index.js';
import { joinTree } from '../graph/join-tree.js';
import type { MeasureWindow } from '../model/semantic-model.js';
import type { SemanticQuery } from '../query/semantic-query.js';
import {
  type BaseMeasure,
  type LogicalPlan,
  METRIC_TIME,
  type MeasureGroup,
  type PlanDimension,
  type PlanOutputMeasure,
} from './logical-plan.js';
import { MeasureCompiler, safeParents } from './measure-compiler.js';
import {
  findMeasure,
  nodesOf,
  type PlanContext,
  qualifyColumn,
  qualifyExpr,
  queryError,
  requireNode,
} from './plan-context.js';

const GRAINS: readonly TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];
export const DEFAULT_LIMIT = 1000;

function parse(context: PlanContext, text: string, what: string): Expr {
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

function splitField(field: string): { node?: string; name: string } {
  const dot = field.indexOf('.');
  return dot < 0 ? { name: field } : { node: field.slice(0, dot), name: field.slice(dot + 1) };
}

function resolveDimensions(context: PlanContext, query: SemanticQuery): PlanDimension[] {
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

function resolveSegments(context: PlanContext, query: SemanticQuery): Map<string, Expr[]> {
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

function resolveMeasures(
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
function classifyFilters(
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

/** The time column a source's measures are plotted on: `default_time_dimension`, else the first `role: time` column. */
function timeColumnOf(context: PlanContext, owner: string): Expr {
  const source = requireNode(context, owner).source;
  const preferred = Object.values(source.metadata?.defaultTimeDimension ?? {}).find((name) =>
    source.columns.some((column) => column.name === name),
  );
  const column =
    source.columns.find((each) => each.name === preferred) ??
    source.columns.find((each) => each.role === 'time');
  if (!column) {
    throw queryError(
      `\`${METRIC_TIME}\` needs a time column on \`${owner}\`, and it has none.`,
      `Mark its time column with \`role: time\` in semantic-layer/ (or slice ${owner} by one of its own columns).`,
    );
  }
  return qualifyColumn(context, { kind: 'column', table: owner, name: column.name }, { allowHidden: true });
}

/**
 * Which row filters restrict which group. A filter applies to a group when it reads only the
 * group's own rows or their parents. A filter that describes another measured fact's rows
 * (`orders.status` beside ticket counts) restricts that fact only. Any other filter (on a source
 * the group reaches through a fan-out, and no group owns) applies as "rows that have such a match".
 */
function filtersFor(
  context: PlanContext,
  owner: string,
  owners: readonly string[],
  where: readonly Expr[],
  notes: string[],
): Expr[] {
  const parents = new Map(owners.map((each) => [each, safeParents(context, each)]));
  return where.filter((filter) => {
    const nodes = [...nodesOf(filter)];
    if (nodes.every((node) => parents.get(owner)!.includes(node))) return true;
    const other = owners.find(
      (each) => each !== owner && nodes.every((node) => parents.get(each)!.includes(node)),
    );
    if (!other) return true;
    notes.push(`filter on ${nodes.join(', ')} restricts ${other} measures, not ${owner} measures.`);
    return false;
  });
}

/** The query's time dimension a windowed measure of `owner` runs over: its own time column, or metric_time. */
function windowTimeDimension(
  dimensions: readonly PlanDimension[],
  owner: string,
  label: string,
  window: MeasureWindow,
): PlanDimension {
  const time = dimensions.find(
    (dimension) => dimension.grain && (dimension.metricTime || dimension.node === owner),
  );
  if (!time) {
    throw queryError(
      `\`${label}\` is ${window.kind === 'cumulative' ? 'a running total' : window.kind === 'rolling' ? 'a rolling window' : 'a period-over-period value'} and needs a time dimension of \`${owner}\`.`,
      `Add --dimension ${owner}.<time column>:month (or metric_time:month).`,
    );
  }
  if (window.kind === 'rolling' && window.grain && window.grain !== time.grain) {
    throw queryError(
      `\`${label}\` rolls over ${window.grain}s, but the query is by ${time.grain}.`,
      `Slice it by :${window.grain}.`,
    );
  }
  return time;
}

function groupsOf(
  context: PlanContext,
  bases: readonly BaseMeasure[],
  dimensions: readonly PlanDimension[],
  where: readonly Expr[],
  notes: string[],
): MeasureGroup[] {
  const owners = [...new Set(bases.map((base) => base.owner))];
  const dimensionNodes = dimensions
    .filter((dimension) => !dimension.metricTime)
    .map((dimension) => dimension.node);
  const usesMetricTime = dimensions.some((dimension) => dimension.metricTime);
  // One group per owner and window: a running total cannot share a GROUP BY with plain measures.
  const keys = [...new Set(bases.map((base) => `${base.owner}\u0000${JSON.stringify(base.window ?? null)}`))];
  return keys.map((key, index) => {
    const measures = bases.filter(
      (base) => `${base.owner}\u0000${JSON.stringify(base.window ?? null)}` === key,
    );
    const owner = measures[0]!.owner;
    const window = measures[0]!.window;
    const applied = filtersFor(context, owner, owners, where, notes);
    const keyTree = joinTree(context.graph, owner, [
      ...dimensionNodes,
      ...applied.flatMap((filter) => [...nodesOf(filter)]),
    ]);
    const measureTree = joinTree(
      context.graph,
      owner,
      measures.flatMap((measure) => [...nodesOf(measure.expr)]),
    );
    if (window && keyTree.fansOut) {
      throw queryError(
        `\`${measures[0]!.label}\` is windowed and its dimensions fan out from \`${owner}\`.`,
        'Slice windowed measures by their own source and its parents only.',
      );
    }
    const timeOutput = window
      ? windowTimeDimension(dimensions, owner, measures[0]!.label, window).output
      : undefined;
    return {
      id: `g${index + 1}`,
      owner,
      measures,
      strategy: window ? 'windowed' : keyTree.fansOut ? 'distinct-keys' : 'direct',
      keyTree,
      measureTree,
      where: applied,
      ...(window && timeOutput ? { window: { spec: window, timeOutput } } : {}),
      ...(usesMetricTime ? { timeColumn: timeColumnOf(context, owner) } : {}),
    } satisfies MeasureGroup;
  });
}

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
