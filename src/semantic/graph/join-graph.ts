import type { Relationship, SemanticModel, SemanticSource } from '../model/semantic-model.js';

/**
 * A node of the join graph: a source, or a role-playing alias of one (`billing_customer` →
 * `customers`). Its name is how queries address it (`billing_customer.name`) and the SQL alias.
 */
export interface GraphNode {
  readonly name: string;
  readonly source: SemanticSource;
  /** Set for alias nodes: the source that declared the alias join. */
  readonly aliasOf?: string;
}

/** A directed edge: `from` joins `to` with `keys` (from-column → to-column) and this cardinality. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly relationship: Relationship;
  readonly keys: readonly { readonly from: string; readonly to: string }[];
}

export interface JoinGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Outgoing edges by node name, in declaration order (inverse edges after forward ones). */
  readonly edges: ReadonlyMap<string, readonly GraphEdge[]>;
}

const INVERSE: Record<Relationship, Relationship> = {
  many_to_one: 'one_to_many',
  one_to_many: 'many_to_one',
  one_to_one: 'one_to_one',
};

/**
 * Builds the graph: every declared join adds a forward edge and its inverse. An alias join adds a
 * node named after the alias, reachable only through the source that declared it, so the same
 * table can play two roles without making paths ambiguous. Joins to unknown sources are skipped
 * here (validation reports them).
 */
export function buildJoinGraph(model: SemanticModel): JoinGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge[]>();
  const add = (edge: GraphEdge): void => {
    const list = edges.get(edge.from) ?? [];
    // The same relationship declared on both sides (orders → customers and customers → orders on the
    // same keys) is one edge, not two routes.
    if (list.some((existing) => existing.to === edge.to && sameKeys(existing, edge))) return;
    list.push(edge);
    edges.set(edge.from, list);
  };
  for (const source of model.sources.values()) nodes.set(source.name, { name: source.name, source });
  for (const source of model.sources.values()) {
    for (const join of source.joins) {
      const target = model.sources.get(join.to);
      if (!target) continue;
      const targetNode = join.alias ?? join.to;
      if (join.alias && !nodes.has(join.alias))
        nodes.set(join.alias, { name: join.alias, source: target, aliasOf: source.name });
      add({ from: source.name, to: targetNode, relationship: join.relationship, keys: join.keys });
      add({
        from: targetNode,
        to: source.name,
        relationship: INVERSE[join.relationship],
        keys: join.keys.map((key) => ({ from: key.to, to: key.from })),
      });
    }
  }
  return { nodes, edges };
}

function sameKeys(left: GraphEdge, right: GraphEdge): boolean {
  const canonical = (edge: GraphEdge): string =>
    edge.keys
      .map((key) => `${key.from}=${key.to}`)
      .sort()
      .join(',');
  return canonical(left) === canonical(right);
}

/** Edges that cannot multiply the rows of their starting side. */
export function isSafeEdge(edge: GraphEdge): boolean {
  return edge.relationship !== 'one_to_many';
}
