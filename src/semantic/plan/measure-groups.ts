import type { Expr } from '../../sql/index.js';
import { joinTree } from '../graph/join-tree.js';
import type { MeasureWindow } from '../model/semantic-model.js';
import { type BaseMeasure, METRIC_TIME, type MeasureGroup, type PlanDimension } from './logical-plan.js';
import { safeParents } from './measure-compiler.js';
import { nodesOf, type PlanContext, qualifyColumn, queryError, requireNode } from './plan-context.js';

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

export function groupsOf(
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
