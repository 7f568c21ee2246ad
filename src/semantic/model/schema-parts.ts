import { z } from 'zod';
import type { MeasureWindow } from './semantic-model.js';

/**
 * Building blocks shared by the standalone, overlay and manifest schemas (spec §1.2–1.9). Objects are
 * strict so a misspelt key is reported with "did you mean"; origin-keyed metadata blobs (`{dbt: …}`)
 * stay open because new origins appear over time and the planner never reads them.
 */

export const COLUMN_TYPES = ['string', 'number', 'time', 'boolean'] as const;
export const RELATIONSHIPS = ['many_to_one', 'one_to_many', 'one_to_one'] as const;

/** SQL text; YAML turns `expr: 1` or `expr: true` into scalars, which are still valid SQL. */
export const sqlText = z
  .union([z.string().trim().min(1, 'must not be empty'), z.number(), z.boolean()])
  .transform(String);

export const name = z.string().trim().min(1, 'must not be empty');

/** Origin → text (`user`, `ai`, `dbt`, `db`, or any future origin); empty values are ignored. */
export const descriptions = z.record(z.string(), z.string().nullable());

export const role = z.enum(['time', 'default']);
export const visibility = z.enum(['public', 'internal', 'hidden']);

export const columnMetadata = {
  natural_granularity: z.string().optional(),
  constraints: z.record(z.string(), z.unknown()).optional(),
  enum_values: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))).optional(),
  tests: z.record(z.string(), z.unknown()).optional(),
};

export const sourceMetadata = {
  default_time_dimension: z.record(z.string(), z.string().nullable()).optional(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
  freshness: z.record(z.string(), z.unknown()).optional(),
  usage: z.unknown().optional(),
};

export const join = z.strictObject({
  to: name,
  on: sqlText,
  relationship: z.enum(RELATIONSHIPS),
  alias: name.optional(),
  // Provenance (`formal|inferred|manual`, TS-only on authored joins); accepted and dropped.
  source: z.string().optional(),
});

export const measure = z.strictObject({
  name,
  expr: sqlText,
  filter: sqlText.optional(),
  segments: z.array(name).optional(),
  description: z.string().nullable().optional(),
  // ktx extension: a running total, or a trailing window of N periods of the query's time grain.
  window: z
    .union([
      z.literal('cumulative'),
      z.strictObject({
        rolling: z.number().int().min(1).max(10_000),
        grain: z.enum(['hour', 'day', 'week', 'month', 'quarter', 'year']).optional(),
      }),
      // Period-over-period: the value `offset` periods earlier (of the query's grain, or of `unit`:
      // `{offset: 1, unit: year}` is the same period last year).
      z.strictObject({
        offset: z.number().int().min(1).max(10_000),
        unit: z.enum(['hour', 'day', 'week', 'month', 'quarter', 'year']).optional(),
      }),
    ])
    .optional(),
});

export const segment = z.strictObject({
  name,
  expr: sqlText,
  description: z.string().nullable().optional(),
});

export type JoinInput = z.infer<typeof join>;
export type MeasureInput = z.infer<typeof measure>;
export type SegmentInput = z.infer<typeof segment>;

/** The YAML `window` of a measure as the model's MeasureWindow. */
export function measureWindow(input: NonNullable<MeasureInput['window']>): MeasureWindow {
  if (input === 'cumulative') return { kind: 'cumulative' };
  if ('offset' in input)
    return { kind: 'offset', periods: input.offset, ...(input.unit ? { unit: input.unit } : {}) };
  return { kind: 'rolling', periods: input.rolling, ...(input.grain ? { grain: input.grain } : {}) };
}
