import { KtxError } from '../../core/index.js';
import type { GraphEdge, JoinGraph } from './join-graph.js';
import { pathTo, type ShortestPaths, shortestPaths } from './shortest-paths.js';

/** The joins needed to reach `targets` from `root`, parents before children. */
export interface JoinTree {
  readonly root: string;
  readonly edges: readonly GraphEdge[];
  /** True when any edge fans out (one_to_many) from the root's grain. */
  readonly fansOut: boolean;
}

function describe(edge: GraphEdge, paths: ShortestPaths): string {
  const before = pathTo(paths, edge.from) ?? [];
  return [paths.root, ...before.map((step) => step.to), edge.to].join(' → ');
}

/**
 * The union of the cheapest paths from `root` to each target. Because every node has one cheapest
 * incoming edge, the union is a tree. A target that is unreachable, or reachable by two equally
 * cheap paths, is an error that names the alternatives and how to choose.
 */
export function joinTree(graph: JoinGraph, root: string, targets: Iterable<string>): JoinTree {
  const paths = shortestPaths(graph, root);
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const target of [...new Set(targets)].sort()) {
    if (target === root) continue;
    const path = pathTo(paths, target);
    if (!path) {
      throw new KtxError('join_path_missing', `No join path connects \`${root}\` and \`${target}\`.`, {
        fix: `Declare a join between them (or through a shared source) in semantic-layer/, or query them separately.`,
        data: { from: root, to: target },
      });
    }
    const tie = paths.ambiguous.get(target);
    if (tie) {
      const options = tie.map((edge) => describe(edge, paths)).join(' | ');
      throw new KtxError(
        'join_path_ambiguous',
        `Two equally short join paths lead from \`${root}\` to \`${target}\`: ${options}.`,
        {
          fix: 'Give one of the joins an `alias` and query the aliased name, or remove the unwanted join with `disable_joins`.',
          data: { from: root, to: target, paths: tie.map((edge) => describe(edge, paths)) },
        },
      );
    }
    for (const edge of path) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      edges.push(edge);
    }
  }
  return { root, edges, fansOut: edges.some((edge) => edge.relationship === 'one_to_many') };
}
