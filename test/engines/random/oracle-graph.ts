import { nodesOf, type RandomSchema, type RandomTable } from './schema.js';

/**
 * The oracle's own view of the joins, from the generator's links (not from the loaded model): a
 * step `from → to` matches `from.fromColumn = to.toColumn`; `fans` when one `from` row may meet
 * several `to` rows. Paths follow the documented rule: a safe step costs 1, a fanning one 10, the
 * cheapest path wins, and two cheapest paths to a needed node make the query ambiguous.
 */
export interface Step {
  readonly from: string;
  readonly to: string;
  readonly fans: boolean;
  readonly fromColumn: string;
  readonly toColumn: string;
}

export interface OracleGraph {
  readonly tables: ReadonlyMap<string, RandomTable>;
  readonly steps: readonly Step[];
}

export class AmbiguousPath extends Error {}

export function oracleGraph(schema: RandomSchema): OracleGraph {
  const steps = schema.links.flatMap((link) => {
    const parent = link.alias ?? link.parent;
    return [
      { from: link.child, to: parent, fans: false, fromColumn: link.fk, toColumn: 'id' },
      { from: parent, to: link.child, fans: true, fromColumn: 'id', toColumn: link.fk },
    ];
  });
  return { tables: new Map(nodesOf(schema).map(({ node, table }) => [node, table])), steps };
}

/** The node itself and every node it reaches through many-to-one steps only. */
export function parentsOf(graph: OracleGraph, node: string): Set<string> {
  const reached = new Set([node]);
  for (const current of reached)
    for (const step of graph.steps) if (step.from === current && !step.fans) reached.add(step.to);
  return reached;
}

/**
 * The steps that reach `targets` from `root`, each step after the one that reaches its `from`.
 * Counts cheapest paths per node (Bellman-Ford, then counting in cost order) rather than tracking
 * ties, so it shares no logic with the planner's Dijkstra.
 */
export function stepsTo(graph: OracleGraph, root: string, targets: Iterable<string>): Step[] {
  const cost = new Map<string, number>([[root, 0]]);
  for (let round = 0; round < graph.tables.size; round++)
    for (const step of graph.steps) {
      const from = cost.get(step.from);
      if (from === undefined) continue;
      const next = from + (step.fans ? 10 : 1);
      if (next < (cost.get(step.to) ?? Number.POSITIVE_INFINITY)) cost.set(step.to, next);
    }
  const order = [...cost.keys()].sort((left, right) => cost.get(left)! - cost.get(right)!);
  const paths = new Map<string, number>([[root, 1]]);
  const via = new Map<string, Step>();
  const ties = new Map<string, Step[]>();
  for (const node of order) {
    if (node === root) continue;
    const cheapest = graph.steps.filter(
      (step) =>
        step.to === node &&
        cost.has(step.from) &&
        cost.get(step.from)! + (step.fans ? 10 : 1) === cost.get(node),
    );
    paths.set(
      node,
      cheapest.reduce((sum, step) => sum + paths.get(step.from)!, 0),
    );
    via.set(node, cheapest[0]!);
    if (cheapest.length > 1) ties.set(node, cheapest);
  }
  const describe = (target: string): string => {
    let node = target;
    while (!ties.has(node)) node = via.get(node)!.from;
    const joins = ties
      .get(node)!
      .map((step) => `${step.from}.${step.fromColumn} = ${step.to}.${step.toColumn}`);
    return `${paths.get(target)} cheapest paths from ${root} to ${target} (${node} is reached by ${joins.join(' | ')})`;
  };
  const chosen = new Map<string, Step>();
  for (const target of targets) {
    if (target === root) continue;
    if (!cost.has(target)) throw new Error(`oracle: ${target} unreachable from ${root}`);
    if (paths.get(target)! > 1) throw new AmbiguousPath(describe(target));
    for (let node = target; node !== root; node = via.get(node)!.from) chosen.set(node, via.get(node)!);
  }
  return [...chosen.values()].sort((left, right) => cost.get(left.to)! - cost.get(right.to)!);
}
