import { didYouMean } from '../../core/index.js';
import {
  AGGREGATE_FUNCTIONS,
  containsAggregate,
  type Expr,
  mapChildren,
  sqlExpr,
  walkExpr,
} from '../../sql/index.js';
import { isSafeEdge } from '../graph/join-graph.js';
import type { MeasureWindow } from '../model/semantic-model.js';
import { type BaseMeasure, measureRef } from './logical-plan.js';
import {
  findColumn,
  findMeasure,
  mapColumns,
  nodesOf,
  type PlanContext,
  qualifyExpr,
  queryError,
  requireNode,
} from './plan-context.js';

/** Nodes reachable from `owner` through joins that never multiply its rows, nearest first. */
export function safeParents(context: PlanContext, owner: string): string[] {
  const order = [owner];
  for (let index = 0; index < order.length; index++) {
    for (const edge of context.graph.edges.get(order[index]!) ?? []) {
      if (isSafeEdge(edge) && !order.includes(edge.to)) order.push(edge.to);
    }
  }
  return order;
}

function isAggregateCall(expr: Expr): boolean {
  return expr.kind === 'call' && AGGREGATE_FUNCTIONS.has(expr.name);
}

/** Division between measures: float semantics and NULL on a zero divisor, in every dialect. */
function safeDivision(expr: Expr): Expr {
  if (isAggregateCall(expr)) return expr;
  const inner = mapChildren(expr, safeDivision);
  return inner.kind === 'binary' && inner.op === '/'
    ? { kind: 'safe-divide', left: inner.left, right: inner.right }
    : inner;
}

/** `CASE WHEN filter THEN x END` inside every aggregate's first argument (`count(*)` counts 1s). */
function injectFilter(expr: Expr, filter: Expr | undefined): Expr {
  if (!filter) return expr;
  if (isAggregateCall(expr) && expr.kind === 'call') {
    const [first, ...rest] = expr.args;
    const value: Expr = !first || first.kind === 'star' ? { kind: 'number', text: '1' } : first;
    return { ...expr, args: [sqlExpr.caseWhen([sqlExpr.whenThen(filter, value)]), ...rest] };
  }
  return mapChildren(expr, (child) => injectFilter(child, filter));
}

export interface MeasureScope {
  /** For measures defined in YAML: their source; bare names resolve there (columns: and its parents). */
  readonly owner?: string;
  /** For YAML measures: their filter and segments, qualified. */
  readonly filter?: Expr;
  readonly label: string;
  /** For YAML measures with `window:`. */
  readonly window?: MeasureWindow;
}

/**
 * Turns measure expressions into formulas over base measures. One compiler per query, so equal
 * base measures are computed once and query segments reach every base measure of their source.
 */
export class MeasureCompiler {
  readonly bases = new Map<string, BaseMeasure>();
  readonly #byKey = new Map<string, string>();
  readonly #expanding: string[] = [];
  /** Ad hoc `{name, expr}` measures of this query, by name, once compiled. */
  readonly queryMeasures = new Map<string, Expr>();

  constructor(
    private readonly context: PlanContext,
    /** Query segments by node name, qualified; AND-ed into every base measure of that node. */
    private readonly segments: ReadonlyMap<string, readonly Expr[]>,
  ) {}

  /**
   * Whether a filter conjunct is about measures (HAVING) rather than rows (WHERE): it aggregates, or
   * names a measure (`orders.revenue`, or a bare name that is a measure and no column).
   */
  isMeasureCondition(expr: Expr): boolean {
    if (containsAggregate(expr)) return true;
    return this.#refsOutsideAggregates(expr).some((ref) => {
      if (ref.kind !== 'column') return false;
      if (ref.table) {
        const node = this.context.graph.nodes.get(ref.table);
        return node !== undefined && !findColumn(node, ref.name) && findMeasure(node, ref.name) !== undefined;
      }
      if (this.queryMeasures.has(ref.name)) return true;
      const nodes = [...this.context.graph.nodes.values()];
      return (
        !nodes.some((node) => findColumn(node, ref.name)) && nodes.some((node) => findMeasure(node, ref.name))
      );
    });
  }

  /** A predefined measure `node.name` as a formula. */
  predefined(nodeName: string, name: string): Expr {
    const node = requireNode(this.context, nodeName);
    const measure = findMeasure(node, name);
    if (!measure) {
      if (findColumn(node, name)) {
        throw queryError(
          `\`${nodeName}.${name}\` is a column, not a measure.`,
          `Aggregate it, e.g. sum(${nodeName}.${name}) or count(distinct ${nodeName}.${name}).`,
        );
      }
      throw queryError(
        `Source \`${nodeName}\` has no measure \`${name}\`${didYouMean(
          name,
          node.source.measures.map((each) => each.name),
        )}.`,
        `\`ktx sl read ${node.source.name}\` lists its measures.`,
      );
    }
    const key = `${nodeName}.${name}`;
    if (this.#expanding.includes(key)) {
      throw queryError(
        `Measure \`${key}\` depends on itself (${[...this.#expanding, key].join(' → ')}).`,
        'Break the cycle in the semantic layer.',
      );
    }
    this.#expanding.push(key);
    try {
      const lookup = { allowHidden: true, candidates: safeParents(this.context, nodeName) };
      const filterParts = [
        measure.filter ? qualifyExpr(this.context, measure.filter, lookup) : undefined,
        ...measure.segments.map((segmentName) => {
          const segment = node.source.segments.find((each) => each.name === segmentName);
          if (!segment)
            throw queryError(
              `Measure \`${key}\` uses unknown segment \`${segmentName}\`.`,
              'Fix the measure in the semantic layer.',
            );
          return qualifyExpr(this.context, segment.expr, lookup);
        }),
      ];
      if (measure.window && !containsAggregate(measure.expr)) {
        throw queryError(
          `Measure \`${key}\` has a window but aggregates nothing itself.`,
          'Put the window on the measures it is derived from.',
        );
      }
      return this.compile(measure.expr, {
        owner: nodeName,
        filter: sqlExpr.and(...filterParts),
        label: key,
        ...(measure.window ? { window: measure.window } : {}),
      });
    } finally {
      this.#expanding.pop();
    }
  }

  /** Any measure expression (YAML or query) → formula over base measures. */
  compile(expr: Expr, scope: MeasureScope): Expr {
    if (!containsAggregate(expr)) return safeDivision(this.#measureRefs(expr, scope));
    const outside = this.#refsOutsideAggregates(expr);
    const owner = outside.length === 0 ? this.#singleOwner(expr, scope) : undefined;
    if (owner) return measureRef(this.#base(expr, owner, scope));
    // Several facts (or measure names beside aggregates): each aggregate becomes its own base.
    const split = (node: Expr): Expr => {
      if (isAggregateCall(node)) {
        const nodeOwner = this.#singleOwner(node, scope);
        if (!nodeOwner) {
          throw queryError(
            `\`${scope.label}\` aggregates columns of unrelated sources in one function.`,
            'Aggregate each source separately and combine the results.',
          );
        }
        return measureRef(this.#base(node, nodeOwner, scope));
      }
      if (node.kind === 'column') return this.#measureRefs(node, scope);
      return mapChildren(node, split);
    };
    return safeDivision(split(expr));
  }

  #refsOutsideAggregates(expr: Expr): Expr[] {
    const found: Expr[] = [];
    walkExpr(expr, (node) => {
      if (isAggregateCall(node)) return false;
      if (node.kind === 'column') found.push(node);
      return true;
    });
    return found;
  }

  /** Column references outside aggregates are measure names. */
  #measureRefs(expr: Expr, scope: MeasureScope): Expr {
    return mapColumns(expr, (ref) => {
      if (ref.table) return this.predefined(ref.table, ref.name);
      if (scope.owner && findMeasure(requireNode(this.context, scope.owner), ref.name))
        return this.predefined(scope.owner, ref.name);
      const adHoc = this.queryMeasures.get(ref.name);
      if (adHoc) return adHoc;
      const holders = [...this.context.graph.nodes.values()].filter(
        (node) => !node.aliasOf && findMeasure(node, ref.name),
      );
      if (holders.length === 1) return this.predefined(holders[0]!.name, ref.name);
      if (holders.length > 1) {
        throw queryError(
          `Measure \`${ref.name}\` exists in several sources (${holders.map((node) => node.name).join(', ')}).`,
          `Qualify it, e.g. \`${holders[0]!.name}.${ref.name}\`.`,
        );
      }
      const known = [...this.context.graph.nodes.values()].flatMap((node) =>
        node.source.measures.map((measure) => `${node.name}.${measure.name}`),
      );
      const columnHint =
        scope.owner && findColumn(requireNode(this.context, scope.owner), ref.name)
          ? ' It is a column: aggregate it, e.g. sum(…).'
          : '';
      throw queryError(
        `\`${ref.name}\` in \`${scope.label}\` is not a measure${didYouMean(ref.name, known)}.${columnHint}`,
        'Use a measure name, or an aggregate such as sum(source.column).',
      );
    });
  }

  /** The one source whose rows this aggregate expression is computed over, if there is one. */
  #singleOwner(expr: Expr, scope: MeasureScope): string | undefined {
    const lookup = scope.owner
      ? { allowHidden: true, candidates: safeParents(this.context, scope.owner) }
      : { allowHidden: false };
    const nodes = nodesOf(qualifyExpr(this.context, expr, lookup));
    if (scope.owner) {
      const reach = safeParents(this.context, scope.owner);
      const outside = [...nodes].filter((node) => !reach.includes(node));
      if (outside.length > 0) {
        throw queryError(
          `\`${scope.label}\` reads \`${outside[0]}\`, which \`${scope.owner}\` reaches only through a one-to-many join.`,
          'Define the measure on that source instead.',
        );
      }
      return scope.owner;
    }
    if (nodes.size === 0)
      throw queryError(
        `\`${scope.label}\` names no column.`,
        'Write an aggregate over a qualified column, e.g. count(orders.id).',
      );
    const owners = [...nodes].sort().filter((candidate) => {
      const reach = safeParents(this.context, candidate);
      return [...nodes].every((node) => reach.includes(node));
    });
    return owners[0];
  }

  #base(expr: Expr, owner: string, scope: MeasureScope): string {
    const lookup = { allowHidden: Boolean(scope.owner), candidates: safeParents(this.context, owner) };
    const qualified = qualifyExpr(this.context, expr, scope.owner ? lookup : { allowHidden: false });
    const filter = sqlExpr.and(scope.filter, ...(this.segments.get(owner) ?? []));
    const final = safeDivision(injectFilter(qualified, filter));
    const key = `${owner}\u0000${JSON.stringify(scope.window ?? null)}\u0000${JSON.stringify(final)}`;
    const existing = this.#byKey.get(key);
    if (existing) return existing;
    const stem =
      scope.label
        .replace(/[^A-Za-z0-9_]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .toLowerCase() || 'measure';
    let id = stem;
    for (let suffix = 2; this.bases.has(id); suffix++) id = `${stem}_${suffix}`;
    this.bases.set(id, {
      id,
      owner,
      expr: final,
      isCount: final.kind === 'call' && final.name === 'count',
      label: scope.label,
      ...(scope.window ? { window: scope.window } : {}),
    });
    this.#byKey.set(key, id);
    return id;
  }
}
