import type { Expr, TimeGrain } from '../../sql/index.js';
import type { GraphEdge } from '../graph/join-graph.js';
import type { JoinTree } from '../graph/join-tree.js';
import type { MeasureWindow } from '../model/semantic-model.js';

/**
 * The planner's output and the lowering's input: what to aggregate where, how groups combine, and
 * where each filter goes. Serialisable (apart from Expr trees, which are plain data too), so `ktx sl
 * query --json` can show it as the `plan` that explains the SQL.
 */
export interface LogicalPlan {
  readonly dimensions: readonly PlanDimension[];
  readonly groups: readonly MeasureGroup[];
  /** Requested measures, in query order, as formulas over base measure ids (see `measureRef`). */
  readonly measures: readonly PlanOutputMeasure[];
  /** Post-aggregation predicates over base measure ids. */
  readonly having: readonly Expr[];
  readonly combine: 'single' | 'spine' | 'cross' | 'dimensions-only';
  /** Dimension values with no facts (include_empty), or the whole query when it has no measures. */
  readonly dimensionSource?: DimensionSource;
  readonly orderBy: readonly { readonly output: string; readonly direction: 'asc' | 'desc' }[];
  readonly limit: number;
  readonly includeEmpty: boolean;
  /** Human-readable remarks for the `plan` JSON (fan-out handling, skipped empties, …). */
  readonly notes: readonly string[];
}

export interface PlanDimension {
  /** Output column name. */
  readonly output: string;
  /**
   * `metric_time`: each measure group truncates its own source's time column, so facts with
   * different time columns share one time axis. `node` is then METRIC_TIME and `expr` unused.
   */
  readonly metricTime?: boolean;
  readonly node: string;
  readonly column: string;
  readonly grain?: TimeGrain;
  /** Qualified by node name, computed columns expanded, time grain applied. */
  readonly expr: Expr;
}

/** A measure aggregated at one source's grain. `expr` is qualified and has its filter injected. */
export interface BaseMeasure {
  /** Unique column name inside its group's CTE. */
  readonly id: string;
  readonly owner: string;
  readonly expr: Expr;
  /** A plain count: a missing group row means 0, not NULL. */
  readonly isCount: boolean;
  /** Where it came from, for the plan JSON: `orders.revenue`, `sum(orders.amount)`. */
  readonly label: string;
  /** Cumulative or rolling over the query's time dimension (its own group). */
  readonly window?: MeasureWindow;
}

export interface MeasureGroup {
  readonly id: string;
  readonly owner: string;
  readonly measures: readonly BaseMeasure[];
  /**
   * `direct`: join and aggregate in one step (no join multiplies the owner's rows).
   * `distinct-keys`: a join fans out, so first take DISTINCT (owner grain, dimension values), then
   * aggregate the owner's rows once per dimension group.
   */
  readonly strategy: 'direct' | 'distinct-keys' | 'windowed';
  /** For `windowed`: the window and the output of the time dimension it runs over. */
  readonly window?: { readonly spec: MeasureWindow; readonly timeOutput: string };
  /** Joins from the owner to dimension and filter nodes. */
  readonly keyTree: JoinTree;
  /** Safe joins from the owner to nodes that measure expressions read (parents of the owner). */
  readonly measureTree: JoinTree;
  readonly where: readonly Expr[];
  /** The owner's time column, qualified, when the query uses `metric_time`. */
  readonly timeColumn?: Expr;
}

export interface PlanOutputMeasure {
  readonly output: string;
  /** Over base measure ids via `measureRef`; arithmetic division already made safe. */
  readonly formula: Expr;
  readonly label: string;
}

export interface DimensionSource {
  readonly tree: JoinTree;
  readonly where: readonly Expr[];
}

/**
 * Every join a group needs (to dimension and filter nodes, then to the parents its measures read),
 * each target once: both trees come from one shortest-path tree, so a shared node has one edge.
 */
export function groupJoins(group: MeasureGroup): GraphEdge[] {
  const seen = new Set<string>();
  return [...group.keyTree.edges, ...group.measureTree.edges].filter(
    (edge) => !seen.has(edge.to) && seen.add(edge.to),
  );
}

/** The pseudo-node of the `metric_time` dimension. */
export const METRIC_TIME = 'metric_time';

/** A dimension's expression inside a group (metric_time resolves to the group's own time column). */
export function dimensionExpr(dimension: PlanDimension, group: MeasureGroup | undefined): Expr {
  if (!dimension.metricTime) return dimension.expr;
  return { kind: 'time-trunc', grain: dimension.grain ?? 'day', operand: group!.timeColumn! };
}

/** Inside formulas, a reference to a base measure is a column of this pseudo-table. */
export const MEASURE_TABLE = '\u0000measure';

export function measureRef(id: string): Expr {
  return { kind: 'column', table: MEASURE_TABLE, name: id };
}
