import { z } from 'zod';
import {
  columnMetadata,
  descriptions,
  join,
  measure,
  name,
  role,
  segment,
  sourceMetadata,
  sqlText,
  visibility,
} from './schema-parts.js';

/**
 * An overlay file (spec §1.9): no `table:`/`sql:`; composed onto the scanned manifest entry of the
 * same name. `columns` holds computed columns only; scanned columns are patched through
 * `column_overrides`, which may not change `type` or `expr`. Overlays use the plural `descriptions`.
 */
export const overlayColumnSchema = z.strictObject({
  name,
  type: z.string(),
  expr: sqlText,
  role: role.optional(),
  visibility: visibility.optional(),
  descriptions: descriptions.optional(),
  natural_granularity: columnMetadata.natural_granularity,
});

export const columnOverrideSchema = z.strictObject({
  name,
  role: role.optional(),
  visibility: visibility.optional(),
  descriptions: descriptions.optional(),
  constraints: columnMetadata.constraints,
  enum_values: columnMetadata.enum_values,
  tests: columnMetadata.tests,
});

export const overlaySchema = z.strictObject({
  name,
  descriptions: descriptions.optional(),
  grain: z.array(name).min(1, 'an overriding grain must list at least one column').optional(),
  columns: z.array(overlayColumnSchema).nullable().optional(),
  column_overrides: z.array(columnOverrideSchema).nullable().optional(),
  joins: z.array(join).nullable().optional(),
  disable_joins: z.array(sqlText).nullable().optional(),
  exclude_columns: z.array(name).nullable().optional(),
  measures: z.array(measure).nullable().optional(),
  segments: z.array(segment).nullable().optional(),
  default_time_dimension: sourceMetadata.default_time_dimension,
  usage: sourceMetadata.usage,
});

export type OverlayInput = z.infer<typeof overlaySchema>;
