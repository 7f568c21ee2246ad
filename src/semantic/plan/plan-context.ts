import { didYouMean, KtxError } from '../../core/index.js';
import { type ColumnRef, type Expr, mapExpr } from '../../sql/index.js';
import { buildJoinGraph, type GraphNode, type JoinGraph } from '../graph/join-graph.js';
import type { SemanticColumn, SemanticMeasure, SemanticModel } from '../model/semantic-model.js';

/** What every planning step looks things up in. Built once per compile. */
export interface PlanContext {
  readonly model: SemanticModel;
  readonly graph: JoinGraph;
}

export function planContext(model: SemanticModel): PlanContext {
  return { model, graph: buildJoinGraph(model) };
}

export function queryError(message: string, fix: string, data?: Record<string, unknown>): KtxError {
  return new KtxError('semantic_query_invalid', message, { fix, data });
}

export function requireNode(context: PlanContext, name: string): GraphNode {
  const node = context.graph.nodes.get(name);
  if (node) return node;
  throw queryError(
    `Unknown source \`${name}\`${didYouMean(name, context.graph.nodes.keys())}.`,
    'Run `ktx sl` to list sources.',
  );
}

export function findColumn(node: GraphNode, name: string): SemanticColumn | undefined {
  return node.source.columns.find((column) => column.name === name);
}

export function findMeasure(node: GraphNode, name: string): SemanticMeasure | undefined {
  return node.source.measures.find((measure) => measure.name === name);
}

/** Nodes (sources and aliases) that have a column of this name. */
export function nodesWithColumn(context: PlanContext, name: string): string[] {
  return [...context.graph.nodes.values()]
    .filter((node) => !node.aliasOf && findColumn(node, name))
    .map((node) => node.name);
}

export interface ColumnLookup {
  /** `hidden` columns may only be read by measures defined in YAML. */
  readonly allowHidden: boolean;
  /** For bare names: where to look, nearest first; the first node that has the column wins. */
  readonly candidates?: readonly string[];
}

/**
 * Resolves one column reference to its node and column and returns it qualified; a computed
 * column is replaced by its own expression, qualified to the same node (recursively).
 */
export function qualifyColumn(
  context: PlanContext,
  ref: ColumnRef,
  lookup: ColumnLookup,
  seen: readonly string[] = [],
): Expr {
  let nodeName = ref.table;
  if (nodeName === undefined) {
    const holders = lookup.candidates
      ? lookup.candidates.filter((name) => findColumn(requireNode(context, name), ref.name))
      : nodesWithColumn(context, ref.name);
    if (holders.length === 0 && lookup.candidates && lookup.allowHidden) {
      // Expressions written in YAML may read table columns the source does not declare (the
      // reference format allows it): they belong to the owning source, when its table has them or
      // its physical columns are unknown.
      const owner = requireNode(context, lookup.candidates[0]!);
      const physical = owner.source.physicalColumns;
      if (!physical || physical.includes(ref.name))
        return { kind: 'column', table: owner.name, name: ref.name };
    }
    if (holders.length === 0) {
      const all = [...context.graph.nodes.values()].flatMap((node) =>
        node.source.columns.map((column) => `${node.name}.${column.name}`),
      );
      throw queryError(
        `Unknown column \`${ref.name}\`${didYouMean(ref.name, all)}.`,
        'Qualify it as `source.column`; `ktx sl read <source>` lists columns.',
      );
    }
    if (!lookup.candidates && holders.length > 1) {
      throw queryError(
        `Column \`${ref.name}\` exists in several sources (${holders.join(', ')}).`,
        `Qualify it, e.g. \`${holders[0]}.${ref.name}\`.`,
      );
    }
    nodeName = holders[0]!;
  }
  const node = requireNode(context, nodeName);
  const column = findColumn(node, ref.name);
  if (!column) {
    throw queryError(
      `Source \`${nodeName}\` has no column \`${ref.name}\`${didYouMean(
        ref.name,
        node.source.columns.map((each) => each.name),
      )}.`,
      `\`ktx sl read ${node.source.name}\` lists its columns.`,
    );
  }
  if (column.visibility === 'hidden' && !lookup.allowHidden) {
    throw queryError(
      `Column \`${nodeName}.${ref.name}\` is hidden.`,
      'Hidden columns cannot be queried; ask for a public column or measure.',
    );
  }
  if (!column.expr) return { kind: 'column', table: nodeName, name: column.name };
  const key = `${nodeName}.${column.name}`;
  if (seen.includes(key))
    throw queryError(`Computed column \`${key}\` refers to itself.`, 'Fix its `expr` in the semantic layer.');
  return qualifyExpr(context, column.expr, { allowHidden: true, candidates: [nodeName] }, [...seen, key]);
}

/** Qualifies every column reference of `expr` (see `qualifyColumn`). */
export function qualifyExpr(
  context: PlanContext,
  expr: Expr,
  lookup: ColumnLookup,
  seen: readonly string[] = [],
): Expr {
  return mapColumns(expr, (ref) => qualifyColumn(context, ref, lookup, seen));
}

/** Rebuilds `expr` with each column reference replaced (replacements are not visited again). */
export function mapColumns(expr: Expr, replace: (ref: ColumnRef) => Expr): Expr {
  return mapExpr(expr, (node) => (node.kind === 'column' ? replace(node) : node));
}

/** The node names an expression reads (after qualification). */
export function nodesOf(expr: Expr): Set<string> {
  const found = new Set<string>();
  mapColumns(expr, (ref) => {
    if (ref.table) found.add(ref.table);
    return ref;
  });
  return found;
}
