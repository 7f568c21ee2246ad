import type { FunctionSpelling } from './function-spelling.js';

interface StandardFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly aggregate: boolean;
  readonly allowsDistinct: boolean;
  readonly fractionArgs: readonly number[];
  /** The ANSI-ish spelling most dialects accept; a dialect overrides what it spells differently. */
  readonly spelling: FunctionSpelling;
}

const aggregate = (spelling: string, allowsDistinct: boolean): StandardFunction => ({
  minArgs: 1,
  maxArgs: 1,
  aggregate: true,
  allowsDistinct,
  fractionArgs: [],
  spelling,
});

const scalar = (spelling: FunctionSpelling, minArgs: number, maxArgs = minArgs): StandardFunction => ({
  minArgs,
  maxArgs,
  aggregate: false,
  allowsDistinct: false,
  fractionArgs: [],
  spelling,
});

/**
 * The portable functions of ktx expressions and their default spelling. Semantics every dialect must
 * keep (overrides exist to keep them, not to vary them):
 * - `avg` is a float average (no integer division, no 4-digit DECIMAL scale).
 * - `count` counts non-NULL values (`count(*)` rows); `count_distinct` is exact.
 * - `length` counts characters, not bytes, and keeps trailing spaces.
 * - `concat` is NULL when any argument is NULL (like `||`, unlike PostgreSQL's CONCAT).
 * - `round(x)` / `round(x, n)` rounds half away from zero where the engine allows it.
 * - `median` and `percentile(x, p)` are exact and interpolate between the two middle values
 *   (PERCENTILE_CONT); `p` is a literal between 0 and 1.
 * - `stddev` is the sample standard deviation (MySQL's STDDEV is the population one).
 */
export const STANDARD_FUNCTIONS = {
  sum: aggregate('SUM({distinct}{1})', true),
  count: aggregate('COUNT({distinct}{1})', true),
  count_distinct: aggregate('COUNT(DISTINCT {1})', false),
  avg: aggregate('AVG({distinct}{1})', true),
  min: aggregate('MIN({1})', false),
  max: aggregate('MAX({1})', false),
  median: aggregate('PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {1})', false),
  percentile: {
    minArgs: 2,
    maxArgs: 2,
    aggregate: true,
    allowsDistinct: false,
    fractionArgs: [2],
    spelling: 'PERCENTILE_CONT({2}) WITHIN GROUP (ORDER BY {1})',
  },
  stddev: aggregate('STDDEV_SAMP({1})', false),
  coalesce: scalar('COALESCE({args})', 1, Number.POSITIVE_INFINITY),
  nullif: scalar('NULLIF({1}, {2})', 2),
  lower: scalar('LOWER({1})', 1),
  upper: scalar('UPPER({1})', 1),
  abs: scalar('ABS({1})', 1),
  round: scalar({ 1: 'ROUND({1})', 2: 'ROUND({1}, {2})' }, 1, 2),
  length: scalar('LENGTH({1})', 1),
  concat: scalar('{concat}', 2, Number.POSITIVE_INFINITY),
  current_date: scalar('CURRENT_DATE', 0),
  current_timestamp: scalar('CURRENT_TIMESTAMP', 0),
} as const satisfies Record<string, StandardFunction>;

export type StandardFunctionName = keyof typeof STANDARD_FUNCTIONS;
