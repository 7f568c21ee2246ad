import { type GraphEdge, isSafeEdge, type JoinGraph } from './join-graph.js';

/** Cost of a step: fanning out (one_to_many) is allowed but costs as much as ten safe steps. */
export function edgeCost(edge: GraphEdge): number {
  return isSafeEdge(edge) ? 1 : 10;
}

export interface ShortestPaths {
  readonly root: string;
  readonly cost: ReadonlyMap<string, number>;
  /** The edge used to reach each node (absent for the root and unreachable nodes). */
  readonly via: ReadonlyMap<string, GraphEdge>;
  /** Nodes reached by two different cheapest edges: their path is ambiguous. */
  readonly ambiguous: ReadonlyMap<string, readonly GraphEdge[]>;
}

/**
 * Dijkstra from `root`. Ties are not broken silently: a node reached by a second edge at the same
 * cost is recorded as ambiguous, and so is every node whose cheapest path runs through one.
 */
export function shortestPaths(graph: JoinGraph, root: string): ShortestPaths {
  const cost = new Map<string, number>([[root, 0]]);
  const via = new Map<string, GraphEdge>();
  const ties = new Map<string, GraphEdge[]>();
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [node, value] of cost) {
      if (done.has(node)) continue;
      // Deterministic order among equal costs: by name.
      if (
        current === undefined ||
        value < cost.get(current)! ||
        (value === cost.get(current)! && node < current)
      )
        current = node;
    }
    if (current === undefined) break;
    done.add(current);
    for (const edge of graph.edges.get(current) ?? []) {
      if (edge.to === root) continue;
      const next = cost.get(current)! + edgeCost(edge);
      const known = cost.get(edge.to);
      if (known === undefined || next < known) {
        cost.set(edge.to, next);
        via.set(edge.to, edge);
        ties.delete(edge.to);
      } else if (next === known && !done.has(edge.to) && via.get(edge.to) !== edge) {
        // Another equally cheap edge, also a second join from the same source on other keys.
        ties.set(edge.to, [...(ties.get(edge.to) ?? [via.get(edge.to)!]), edge]);
      }
    }
  }
  const ambiguous = new Map<string, readonly GraphEdge[]>();
  for (const node of cost.keys()) {
    for (let cursor: string | undefined = node; cursor && cursor !== root; cursor = via.get(cursor)?.from) {
      const tie = ties.get(cursor);
      if (tie) {
        ambiguous.set(node, tie);
        break;
      }
    }
  }
  return { root, cost, via, ambiguous };
}

/** The edges from the root to `node`, root first; undefined when unreachable. */
export function pathTo(paths: ShortestPaths, node: string): GraphEdge[] | undefined {
  if (node === paths.root) return [];
  if (!paths.via.has(node)) return undefined;
  const path: GraphEdge[] = [];
  for (let cursor = node; cursor !== paths.root; ) {
    const edge = paths.via.get(cursor)!;
    path.unshift(edge);
    cursor = edge.from;
  }
  return path;
}
