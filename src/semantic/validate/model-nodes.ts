import { buildJoinGraph, isSafeEdge, type JoinGraph } from '../graph/join-graph.js';
import type { SemanticModel, SemanticSource } from '../model/semantic-model.js';

/**
 * The addressable names of a model (sources and role-playing aliases) over the planner's own join
 * graph, so validation resolves references exactly as queries will.
 */
export interface ModelNodes {
  readonly graph: JoinGraph;
  /** Source or alias name → the source whose columns it has. */
  source(name: string): SemanticSource | undefined;
  /** `owner` and every node reachable from it without a one-to-many step, nearest first. */
  safeParents(owner: string): readonly string[];
}

export function modelNodes(model: SemanticModel): ModelNodes {
  const graph = buildJoinGraph(model);
  const reach = new Map<string, string[]>();
  return {
    graph,
    source: (name) => graph.nodes.get(name)?.source,
    safeParents(owner) {
      const cached = reach.get(owner);
      if (cached) return cached;
      const order = [owner];
      for (let index = 0; index < order.length; index++) {
        for (const edge of graph.edges.get(order[index]!) ?? []) {
          if (isSafeEdge(edge) && !order.includes(edge.to)) order.push(edge.to);
        }
      }
      reach.set(owner, order);
      return order;
    },
  };
}
