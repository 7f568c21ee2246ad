import { z } from 'zod';
import { columnMetadata, descriptions, join, name, sourceMetadata } from './schema-parts.js';

/**
 * A scan manifest shard, `_schema/<schema>.yaml` (spec §1.1 tier 1): `tables:` maps a source name to
 * its physical table, DB-native column types, primary-key flags and discovered joins. Written by
 * `ktx scan`, so unknown keys here are only warnings.
 */
export const manifestColumnSchema = z.strictObject({
  name,
  type: z.string().trim().min(1),
  pk: z.boolean().optional(),
  nullable: z.boolean().optional(),
  description: z.string().nullable().optional(),
  descriptions: descriptions.optional(),
  ...columnMetadata,
});

export const manifestEntrySchema = z.strictObject({
  table: z.string().trim().min(1),
  columns: z.array(manifestColumnSchema),
  joins: z.array(join).nullable().optional(),
  description: z.string().nullable().optional(),
  descriptions: descriptions.optional(),
  ...sourceMetadata,
});

export const manifestShardSchema = z.strictObject({
  tables: z.record(name, manifestEntrySchema).nullable().optional(),
});

export type ManifestEntryInput = z.infer<typeof manifestEntrySchema>;
export type ManifestColumnInput = z.infer<typeof manifestColumnSchema>;
