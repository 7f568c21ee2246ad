import type { QuerySpec } from './generate-query.js';
import {
  AmbiguousPath,
  type OracleGraph,
  oracleGraph,
  parentsOf,
  type Step,
  stepsTo,
} from './oracle-graph.js';
import {
  type BaseMeasure,
  isCount,
  type Predicate,
  type RandomSchema,
  type Row,
  type RowFilter,
  type Value,
} from './schema.js';

/**
 * The expected answer of a query, computed in plain JavaScript over the generated rows from the
 * documented semantics (DESIGN.md "Semantic decisions", CONTEXT.md "Planner"), not from the
 * planner's code:
 * - each measure is aggregated over its own source's rows; a row counts once per distinct
 *   combination of dimension values it is linked to (LEFT joins: no match → NULL values);
 * - a row filter restricts a measure's rows, tested on the same joined row as the dimensions,
 *   unless it is not about this source's rows or parents but is about another measured source's
 *   (CONTEXT.md's filter scoping: `orders.status` beside ticket counts restricts orders only);
 * - groups meet on the dimension values; a group with no row there gives 0 for counts, else NULL;
 * - `includeEmpty` adds the values of the first dimension's source when no measure is its own and
 *   every dimension is one of its parents (row filters inside that tree apply);
 * - division is float, NULL on a zero or NULL divisor.
 */
export type OracleAnswer = { kind: 'rows'; rows: Value[][] } | { kind: 'ambiguous'; reason: string };

type Binding = Readonly<Record<string, Row | null>>;

/** SQL truth of a predicate over one value: UNKNOWN (NULL compared) is not true. */
function holds(predicate: Predicate, value: Value): boolean {
  switch (predicate.op) {
    case '=':
      return value !== null && value === predicate.values[0];
    case '<>':
      return value !== null && value !== predicate.values[0];
    case 'in':
      return value !== null && predicate.values.includes(String(value));
    case 'is null':
      return value === null;
    case 'is not null':
      return value !== null;
  }
}

const nodesOf = (filter: RowFilter): string[] => filter.anyOf.map((predicate) => predicate.node);

function passes(filter: RowFilter, binding: Binding): boolean {
  return filter.anyOf.some((predicate) =>
    holds(predicate, binding[predicate.node]?.[predicate.column] ?? null),
  );
}

/** LEFT JOINs along `steps`: a row with no match keeps one binding with NULL for that node. */
function bind(graph: OracleGraph, root: string, rows: readonly Row[], steps: readonly Step[]): Binding[] {
  let bindings: Binding[] = rows.map((row) => ({ [root]: row }));
  for (const step of steps) {
    const candidates = graph.tables.get(step.to)!.rows;
    bindings = bindings.flatMap((binding) => {
      const key = binding[step.from]?.[step.fromColumn] ?? null;
      const matches = key === null ? [] : candidates.filter((row) => row[step.toColumn] === key);
      return matches.length === 0
        ? [{ ...binding, [step.to]: null }]
        : matches.map((row) => ({ ...binding, [step.to]: row }));
    });
  }
  return bindings;
}

/** `steps` reach what the measure reads besides its owner: many-to-one parents only. */
function aggregate(
  graph: OracleGraph,
  measure: BaseMeasure,
  steps: readonly Step[],
  rows: readonly Row[],
): Value {
  // Many-to-one steps only: exactly one binding per owner row.
  const filter = measure.filter;
  const kept = bind(graph, measure.owner, rows, steps).filter(
    (binding) => !filter || holds(filter, binding[filter.node]?.[filter.column] ?? null),
  );
  if (measure.aggregate === 'count') return kept.length;
  const node = measure.columnNode ?? measure.owner;
  const values = kept
    .map((binding) => binding[node]?.[measure.column!] ?? null)
    .filter((value) => value !== null);
  switch (measure.aggregate) {
    case 'count_column':
      return values.length;
    case 'count_distinct':
      return new Set(values).size;
    case 'sum':
      return values.length === 0 ? null : (values as number[]).reduce((sum, value) => sum + value, 0);
    case 'min':
      return values.length === 0 ? null : Math.min(...(values as number[]));
    case 'max':
      return values.length === 0 ? null : Math.max(...(values as number[]));
    case 'avg':
      return values.length === 0
        ? null
        : (values as number[]).reduce((sum, value) => sum + value, 0) / values.length;
  }
}

function divide(numerator: Value, denominator: Value): Value {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return Number(numerator) / Number(denominator);
}

interface Dimension {
  readonly node: string;
  readonly column: string;
}

/** Distinct dimension tuples → the owner rows linked to them, through rows passing `filters`. */
function linkedRows(
  graph: OracleGraph,
  owner: string,
  dimensions: readonly Dimension[],
  filters: readonly RowFilter[],
): Map<string, { tuple: Value[]; rows: Set<Row> }> {
  const steps = stepsTo(graph, owner, [...dimensions.map((each) => each.node), ...filters.flatMap(nodesOf)]);
  const groups = new Map<string, { tuple: Value[]; rows: Set<Row> }>();
  for (const binding of bind(graph, owner, graph.tables.get(owner)!.rows, steps)) {
    if (!filters.every((filter) => passes(filter, binding))) continue;
    const tuple = dimensions.map((dimension) => binding[dimension.node]?.[dimension.column] ?? null);
    const key = JSON.stringify(tuple);
    const group = groups.get(key) ?? { tuple, rows: new Set<Row>() };
    group.rows.add(binding[owner]!);
    groups.set(key, group);
  }
  return groups;
}

/** Dimension values added by `includeEmpty`, or none when the rule does not add any. */
function emptyTuples(graph: OracleGraph, spec: QuerySpec, owners: readonly string[]): Value[][] {
  const anchor = spec.dimensions[0]?.node;
  if (!spec.includeEmpty || anchor === undefined || owners.includes(anchor)) return [];
  const steps = stepsTo(
    graph,
    anchor,
    spec.dimensions.map((dimension) => dimension.node),
  );
  if (steps.some((step) => step.fans)) return [];
  const inTree = new Set([anchor, ...steps.map((step) => step.to)]);
  const filters = spec.filters.filter((filter) => nodesOf(filter).every((node) => inTree.has(node)));
  return [...linkedRows(graph, anchor, spec.dimensions, filters).values()].map((group) => group.tuple);
}

function answer(schema: RandomSchema, spec: QuerySpec): Value[][] {
  const graph = oracleGraph(schema);
  const bases = new Map<string, BaseMeasure>();
  for (const entry of spec.measures) {
    const parts =
      entry.kind === 'adhoc'
        ? [entry.numerator, entry.denominator]
        : entry.measure.kind === 'ratio'
          ? [entry.measure.numerator, entry.measure.denominator]
          : [entry.measure];
    for (const base of parts) bases.set(`${base.owner}.${base.name}`, base);
  }
  // Reaching what a measure reads may be ambiguous too; find out before any row is aggregated.
  const measureSteps = new Map(
    [...bases.values()].map((base) => [
      base,
      stepsTo(graph, base.owner, [base.filter?.node ?? base.owner, base.columnNode ?? base.owner]),
    ]),
  );
  const owners = [...new Set([...bases.values()].map((base) => base.owner))];
  const parents = new Map(owners.map((owner) => [owner, parentsOf(graph, owner)]));
  // Filter scoping: a filter describing another measured source's rows leaves this one alone.
  const describes = (filter: RowFilter, owner: string): boolean =>
    nodesOf(filter).every((node) => parents.get(owner)!.has(node));
  const appliesTo = (filter: RowFilter, owner: string): boolean =>
    describes(filter, owner) || !owners.some((other) => other !== owner && describes(filter, other));
  const groups = new Map(
    owners.map((owner) => [
      owner,
      linkedRows(
        graph,
        owner,
        spec.dimensions,
        spec.filters.filter((filter) => appliesTo(filter, owner)),
      ),
    ]),
  );
  const keys = new Map<string, Value[]>();
  if (spec.dimensions.length === 0) keys.set('[]', []);
  for (const group of groups.values()) for (const [key, { tuple }] of group) keys.set(key, tuple);
  for (const tuple of emptyTuples(graph, spec, owners)) keys.set(JSON.stringify(tuple), tuple);

  return [...keys].map(([key, tuple]) => {
    const value = (base: BaseMeasure): Value => {
      const rows = groups.get(base.owner)!.get(key)?.rows;
      if (!rows) return isCount(base) ? 0 : null;
      return aggregate(graph, base, measureSteps.get(base)!, [...rows]);
    };
    const measures = spec.measures.map((entry) => {
      if (entry.kind === 'adhoc') return divide(value(entry.numerator), value(entry.denominator));
      const measure = entry.measure;
      return measure.kind === 'ratio'
        ? divide(value(measure.numerator), value(measure.denominator))
        : value(measure);
    });
    return [...tuple, ...measures];
  });
}

export function oracle(schema: RandomSchema, spec: QuerySpec): OracleAnswer {
  try {
    return { kind: 'rows', rows: answer(schema, spec) };
  } catch (error) {
    if (error instanceof AmbiguousPath) return { kind: 'ambiguous', reason: error.message };
    throw error;
  }
}
