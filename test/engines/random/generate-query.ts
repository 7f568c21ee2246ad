import type { SemanticQuery } from '../../../src/semantic/index.js';
import { isSafeDivisor, randomAggregate, randomPredicate } from './generate-schema.js';
import type { Rng } from './prng.js';
import {
  aggregateSql,
  type BaseMeasure,
  nodesOf,
  type RandomMeasure,
  type RandomSchema,
  type RowFilter,
  rowFilterSql,
} from './schema.js';

/** A model measure, an ad hoc aggregate (`sum(t1.n1)`), or an ad hoc ratio of two model measures. */
export type QueryMeasure =
  | { readonly kind: 'model'; readonly measure: RandomMeasure }
  | { readonly kind: 'aggregate'; readonly measure: BaseMeasure }
  | {
      readonly kind: 'adhoc';
      readonly name: string;
      readonly numerator: BaseMeasure;
      readonly denominator: BaseMeasure;
    };

export interface QuerySpec {
  readonly measures: readonly QueryMeasure[];
  readonly dimensions: readonly { readonly node: string; readonly column: string }[];
  /** Row filters (usually 0 or 1) on attributes of any node. */
  readonly filters: readonly RowFilter[];
  /** Send several filters as one `AND`ed string, which the planner must split. */
  readonly andFilters: boolean;
  readonly includeEmpty: boolean;
  /** Leave `includeEmpty` out of the query (its default is true). */
  readonly implicitIncludeEmpty: boolean;
}

function measures(rng: Rng, schema: RandomSchema): QueryMeasure[] {
  const picked: QueryMeasure[] = rng
    .sample(schema.measures, rng.int(1, 3))
    .map((measure) => ({ kind: 'model', measure }));
  const bases = schema.measures.filter((measure): measure is BaseMeasure => measure.kind === 'base');
  const divisors = bases.filter(isSafeDivisor);
  if (rng.chance(0.15)) {
    const table = rng.pick(schema.tables);
    const readable = { node: table.name, table };
    picked[0] = { kind: 'aggregate', measure: randomAggregate(rng, table.name, 'adhoc', readable, false) };
  }
  if (divisors.length > 0 && rng.chance(0.2)) {
    const ratio: QueryMeasure = {
      kind: 'adhoc',
      name: 'adhoc_ratio',
      numerator: rng.pick(bases),
      denominator: rng.pick(divisors),
    };
    if (picked.length === 3) picked[rng.int(0, 2)] = ratio;
    else picked.push(ratio);
  }
  return picked;
}

export function generateQuery(rng: Rng, schema: RandomSchema): QuerySpec {
  const nodes = nodesOf(schema);
  // Mostly text attributes; now and then a key or number, to group by numeric values too.
  const fields = nodes.flatMap(({ node, table }) =>
    table.columns
      .filter((column) => column.role === 'attribute' || rng.chance(0.1))
      .map((column) => ({ node, column: column.name })),
  );
  const attributes = nodes.flatMap(({ node, table }) =>
    table.columns.filter((column) => column.role === 'attribute').map((column) => ({ node, column })),
  );
  const includeEmpty = rng.chance(0.5);
  return {
    measures: measures(rng, schema),
    dimensions: rng.sample(fields, rng.pick([0, 1, 1, 2, 2])),
    filters: Array.from({ length: rng.pick([0, 0, 0, 1, 1, 1, 2]) }, () => ({
      // Sometimes an OR across two attributes, which may sit on different sources.
      anyOf: rng
        .sample(attributes, rng.chance(0.2) ? 2 : 1)
        .map(({ node, column }) => randomPredicate(rng, node, column)),
    })),
    andFilters: rng.chance(0.5),
    includeEmpty,
    implicitIncludeEmpty: includeEmpty && rng.chance(0.3),
  };
}

function measureText(entry: QueryMeasure): SemanticQuery['measures'][number] {
  if (entry.kind === 'model') return `${entry.measure.owner}.${entry.measure.name}`;
  if (entry.kind === 'aggregate')
    return aggregateSql(entry.measure, `${entry.measure.owner}.${entry.measure.column}`);
  const { numerator, denominator } = entry;
  return {
    name: entry.name,
    expr: `${numerator.owner}.${numerator.name} / ${denominator.owner}.${denominator.name}`,
  };
}

export function toSemanticQuery(spec: QuerySpec): SemanticQuery {
  return {
    measures: spec.measures.map(measureText),
    dimensions: spec.dimensions.map((dimension) => `${dimension.node}.${dimension.column}`),
    ...(spec.filters.length === 0
      ? {}
      : {
          filters: spec.andFilters
            ? [spec.filters.map(rowFilterSql).join(' AND ')]
            : spec.filters.map(rowFilterSql),
        }),
    ...(spec.implicitIncludeEmpty ? {} : { includeEmpty: spec.includeEmpty }),
    // Above any possible row count (two key dimensions: 61 × 61), so the default 1000 never cuts.
    limit: 10_000,
  };
}
