import {
  type Cte,
  type Expr,
  type FromItem,
  type Join,
  type OrderItem,
  type Select,
  type SelectItem,
  sqlExpr,
} from '../../sql/index.js';
import type { GraphEdge, GraphNode } from '../graph/join-graph.js';
import {
  dimensionExpr,
  groupJoins,
  type LogicalPlan,
  MEASURE_TABLE,
  type MeasureGroup,
} from '../plan/logical-plan.js';
import { mapColumns, type PlanContext, qualifyColumn, requireNode } from '../plan/plan-context.js';

function and(parts: readonly Expr[]): Expr | undefined {
  return sqlExpr.and(...parts);
}

function column(table: string, name: string): Expr {
  return { kind: 'column', table, name };
}

function select(parts: Partial<Select> & Pick<Select, 'columns'>): Select {
  return { kind: 'select', ctes: [], distinct: false, joins: [], groupBy: [], orderBy: [], ...parts };
}

/** Lowers one plan; holds the CTE names in use so generated names never collide with source CTEs. */
class Lowering {
  readonly #names = new Set<string>();
  readonly #sourceCtes = new Map<string, Cte>();

  constructor(
    private readonly context: PlanContext,
    private readonly plan: LogicalPlan,
  ) {
    for (const source of context.model.sources.values()) this.#names.add(source.name);
  }

  name(stem: string): string {
    let candidate = stem;
    for (let suffix = 2; this.#names.has(candidate); suffix++) candidate = `${stem}_${suffix}`;
    this.#names.add(candidate);
    return candidate;
  }

  /** A node as a FROM item; a SQL source becomes a leading CTE named after the source. */
  relation(node: GraphNode): FromItem {
    const relation = node.source.relation;
    if (relation.kind === 'table') return { kind: 'table', path: relation.path, alias: node.name };
    if (!this.#sourceCtes.has(node.source.name)) {
      this.#sourceCtes.set(node.source.name, {
        name: node.source.name,
        query: { kind: 'raw-query', sql: relation.sql },
      });
    }
    return { kind: 'cte-ref', name: node.source.name, alias: node.name };
  }

  joins(edges: readonly GraphEdge[]): Join[] {
    return edges.map((edge) => ({
      // LEFT: a fact row whose key matches nothing stays, under NULL (totals are preserved).
      type: 'left',
      item: this.relation(requireNode(this.context, edge.to)),
      on: and(
        edge.keys.map((key) => ({
          kind: 'binary',
          op: '=',
          left: column(edge.from, key.from),
          right: column(edge.to, key.to),
        })),
      ),
    }));
  }

  /** One CTE (two for distinct-keys) computing a group's measures by the query's dimensions. */
  group(group: MeasureGroup): Cte[] {
    const owner = requireNode(this.context, group.owner);
    const dimensions = this.plan.dimensions;
    const measures: SelectItem[] = group.measures.map((measure) => ({
      expr: measure.expr,
      alias: measure.id,
    }));
    const name = this.name(`agg_${group.owner}`);
    if (group.strategy === 'windowed') return this.windowed(group, name);
    if (group.strategy === 'direct') {
      const edges = groupJoins(group);
      const query = select({
        columns: [
          ...dimensions.map((dimension) => ({
            expr: dimensionExpr(dimension, group),
            alias: dimension.output,
          })),
          ...measures,
        ],
        from: this.relation(owner),
        joins: this.joins(edges),
        where: and(group.where),
        groupBy: dimensions.map((dimension) => dimensionExpr(dimension, group)),
      });
      return [{ name, query }];
    }
    // Fan-out: pair each owner row with each distinct dimension combination once, then aggregate.
    const grain = owner.source.grain.map((key, index) => ({
      expr: qualifyColumn(
        this.context,
        { kind: 'column', table: owner.name, name: key },
        { allowHidden: true },
      ),
      alias: `__key_${index}`,
    }));
    const keysName = this.name(`keys_${group.owner}`);
    const keys = select({
      distinct: true,
      columns: [
        ...grain,
        ...dimensions.map((dimension) => ({
          expr: dimensionExpr(dimension, group),
          alias: dimension.output,
        })),
      ],
      from: this.relation(owner),
      joins: this.joins(group.keyTree.edges),
      where: and(group.where),
    });
    const keyAlias = `k_${group.id}`;
    const query = select({
      columns: [
        ...dimensions.map((dimension) => ({
          expr: column(keyAlias, dimension.output),
          alias: dimension.output,
        })),
        ...measures,
      ],
      from: { kind: 'cte-ref', name: keysName, alias: keyAlias },
      joins: [
        {
          type: 'inner',
          item: this.relation(owner),
          on: and(
            grain.map((key, index) => ({
              kind: 'binary',
              op: '=',
              left: column(keyAlias, `__key_${index}`),
              right: key.expr,
            })),
          ),
        },
        ...this.joins(group.measureTree.edges),
      ],
      groupBy: dimensions.map((dimension) => column(keyAlias, dimension.output)),
    });
    return [
      { name: keysName, query: keys },
      { name, query },
    ];
  }

  /**
   * A running total or trailing window: list the periods the owner has, then for each period
   * aggregate the owner's rows whose own period falls inside its window. Both sides of every
   * comparison are truncated to the grain, so dialects that print dates and timestamps differently
   * (SQLite text) still compare like with like.
   */
  windowed(group: MeasureGroup, name: string): Cte[] {
    const owner = requireNode(this.context, group.owner);
    const { spec, timeOutput } = group.window!;
    const time = this.plan.dimensions.find((dimension) => dimension.output === timeOutput)!;
    const bucket = dimensionExpr(time, group);
    const grain = time.grain ?? 'day';
    const periodsName = this.name(`periods_${group.owner}`);
    const periods = select({
      distinct: true,
      columns: [{ expr: bucket, alias: 'period' }],
      from: this.relation(owner),
      joins: this.joins(group.keyTree.edges),
      where: and(group.where),
    });
    const periodAlias = `p_${group.id}`;
    const period = column(periodAlias, 'period');
    const inWindow: Expr[] = [];
    if (spec.kind === 'offset') {
      // The rows of the period `periods` units back (truncated again: a month back from 31 March
      // is 28/29 February, whose month is the one we want).
      const earlier: Expr = {
        kind: 'time-trunc',
        grain,
        operand: { kind: 'time-add', operand: period, unit: spec.unit ?? grain, amount: -spec.periods },
      };
      inWindow.push({ kind: 'binary', op: '=', left: bucket, right: earlier });
    } else inWindow.push({ kind: 'binary', op: '<=', left: bucket, right: period });
    if (spec.kind === 'rolling') {
      const start: Expr = {
        kind: 'time-trunc',
        grain,
        operand: { kind: 'time-add', operand: period, unit: grain, amount: -(spec.periods - 1) },
      };
      inWindow.push({ kind: 'binary', op: '>=', left: bucket, right: start });
    }
    const edges = groupJoins(group);
    const dimensionColumn = (dimension: (typeof this.plan.dimensions)[number]): Expr =>
      dimension === time ? period : dimensionExpr(dimension, group);
    const query = select({
      columns: [
        ...this.plan.dimensions.map((dimension) => ({
          expr: dimensionColumn(dimension),
          alias: dimension.output,
        })),
        ...group.measures.map((measure) => ({ expr: measure.expr, alias: measure.id })),
      ],
      from: { kind: 'cte-ref', name: periodsName, alias: periodAlias },
      joins: [{ type: 'inner', item: this.relation(owner), on: and(inWindow) }, ...this.joins(edges)],
      where: and(group.where),
      groupBy: this.plan.dimensions.map(dimensionColumn),
    });
    return [
      { name: periodsName, query: periods },
      { name, query },
    ];
  }

  sourceCtes(): Cte[] {
    return [...this.#sourceCtes.values()];
  }
}

/** Logical plan → one SELECT with CTEs. Pure; the printer turns it into dialect SQL. */
export function lowerPlan(context: PlanContext, plan: LogicalPlan): Select {
  const lowering = new Lowering(context, plan);
  const ctes: Cte[] = [];
  const dimensionSelect = (distinct: boolean): Select | undefined => {
    const source = plan.dimensionSource;
    if (!source) return undefined;
    return select({
      distinct,
      columns: plan.dimensions.map((dimension) => ({ expr: dimension.expr, alias: dimension.output })),
      from: lowering.relation(requireNode(context, source.tree.root)),
      joins: lowering.joins(source.tree.edges),
      where: and(source.where),
    });
  };

  const order = (outputs: Map<string, Expr>): OrderItem[] =>
    plan.orderBy.map((item) => ({ expr: outputs.get(item.output)!, direction: item.direction }));

  if (plan.combine === 'dimensions-only') {
    const body = dimensionSelect(true)!;
    const outputs = new Map(plan.dimensions.map((dimension) => [dimension.output, dimension.expr]));
    return { ...body, ctes: lowering.sourceCtes(), orderBy: order(outputs), limit: plan.limit };
  }

  const groupAliases = new Map<string, string>();
  for (const group of plan.groups) {
    const groupCtes = lowering.group(group);
    ctes.push(...groupCtes);
    groupAliases.set(group.id, groupCtes.at(-1)!.name);
  }
  const measureGroup = new Map(
    plan.groups.flatMap((group) =>
      group.measures.map((measure) => [measure.id, { group, measure }] as const),
    ),
  );
  const coalesceCounts = plan.combine !== 'single';
  const resolveFormula = (formula: Expr): Expr =>
    mapColumns(formula, (ref) => {
      if (ref.table !== MEASURE_TABLE) return ref;
      const { group, measure } = measureGroup.get(ref.name)!;
      const value = column(groupAliases.get(group.id)!, measure.id);
      return coalesceCounts && measure.isCount
        ? { kind: 'call', name: 'coalesce', args: [value, { kind: 'number', text: '0' }] }
        : value;
    });

  let from: FromItem;
  const joins: Join[] = [];
  let dimensionColumn: (output: string) => Expr;
  const first = groupAliases.get(plan.groups[0]!.id)!;
  if (plan.combine === 'spine') {
    // The key spine: every dimension combination any group (or the dimension tables) has. MySQL has
    // no FULL JOIN, and NULL keys (facts whose foreign key matches nothing) must still meet.
    const spineName = lowering.name('spine');
    const parts: Select[] = plan.groups.map((group) =>
      select({
        columns: plan.dimensions.map((dimension) => ({
          expr: column(groupAliases.get(group.id)!, dimension.output),
          alias: dimension.output,
        })),
        from: { kind: 'cte-ref', name: groupAliases.get(group.id)!, alias: groupAliases.get(group.id)! },
      }),
    );
    const empties = dimensionSelect(false);
    if (empties) parts.push(empties);
    ctes.push({
      name: spineName,
      query: parts.length === 1 ? parts[0]! : { kind: 'union', all: false, selects: parts },
    });
    from = { kind: 'cte-ref', name: spineName, alias: spineName };
    for (const group of plan.groups) {
      const alias = groupAliases.get(group.id)!;
      joins.push({
        type: 'left',
        item: { kind: 'cte-ref', name: alias, alias },
        on: and(
          plan.dimensions.map((dimension) => ({
            kind: 'null-safe-equals',
            left: column(alias, dimension.output),
            right: column(spineName, dimension.output),
          })),
        ),
      });
    }
    dimensionColumn = (output) => column(spineName, output);
  } else {
    from = { kind: 'cte-ref', name: first, alias: first };
    for (const group of plan.groups.slice(1)) {
      const alias = groupAliases.get(group.id)!;
      joins.push({ type: 'cross', item: { kind: 'cte-ref', name: alias, alias } });
    }
    dimensionColumn = (output) => column(first, output);
  }

  const outputs = new Map<string, Expr>();
  for (const dimension of plan.dimensions) outputs.set(dimension.output, dimensionColumn(dimension.output));
  for (const measure of plan.measures) outputs.set(measure.output, resolveFormula(measure.formula));
  return select({
    ctes: [...lowering.sourceCtes(), ...ctes],
    columns: [...outputs].map(([alias, expr]) => ({ expr, alias })),
    from,
    joins,
    where: and(plan.having.map(resolveFormula)),
    orderBy: order(outputs),
    limit: plan.limit,
  });
}
