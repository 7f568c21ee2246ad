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
 * A standalone source file (spec §1.2): it has `table:` or `sql:` (the loader checks that exactly one
 * is set). Includes the reference's TS-only authoring keys (`source_type`, `inherits_columns_from`,
 * `usage`, `joins[].source`). Column `type` is free text here: a missing type may be inherited, and a
 * database type (`integer`) is mapped with a warning instead of failing the column.
 */
export const sourceColumnSchema = z.strictObject({
  name,
  type: z.string().optional(),
  role: role.optional(),
  visibility: visibility.optional(),
  description: z.string().nullable().optional(),
  descriptions: descriptions.optional(),
  expr: sqlText.optional(),
  // Manifest column keys, harmless on an authored column; the reference ignores them there.
  pk: z.boolean().optional(),
  nullable: z.boolean().optional(),
  ...columnMetadata,
});

export const standaloneSourceSchema = z.strictObject({
  name,
  source_type: z.enum(['table', 'sql']).optional(),
  table: z.string().trim().min(1).optional(),
  sql: z.string().trim().min(1).optional(),
  inherits_columns_from: z.string().trim().min(1).optional(),
  grain: z.array(name).min(1, 'grain must list at least one column'),
  columns: z.array(sourceColumnSchema).min(1, 'a standalone source needs at least one column'),
  joins: z.array(join).nullable().optional(),
  measures: z.array(measure).nullable().optional(),
  segments: z.array(segment).nullable().optional(),
  description: z.string().nullable().optional(),
  descriptions: descriptions.optional(),
  ...sourceMetadata,
});

export type StandaloneSourceInput = z.infer<typeof standaloneSourceSchema>;
export type SourceColumnInput = z.infer<typeof sourceColumnSchema>;
