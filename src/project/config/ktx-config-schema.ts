import { z } from 'zod';
import { CONNECTION_ID_PATTERN, connectionSchema } from './connection-schema.js';
import { EMBEDDING_BACKENDS, type EmbeddingBackend, embeddingsSchema } from './embeddings-schema.js';
import { LLM_BACKENDS, type LlmBackend, llmSchema } from './llm-schema.js';
import { mcpSchema } from './mcp-schema.js';
import { scanSchema } from './scan-schema.js';

export { EMBEDDING_BACKENDS, type EmbeddingBackend, LLM_BACKENDS, type LlmBackend };

const ingestSchema = z.strictObject({
  adapters: z.array(z.string()).optional(),
  // The reference keeps embeddings here; accepted so its projects load, `embeddings:` wins.
  embeddings: z.looseObject({}).optional(),
  workUnits: z.looseObject({}).optional(),
  rateLimit: z.looseObject({}).optional(),
  profile: z.union([z.boolean(), z.literal('json')]).optional(),
});

/** The whole `ktx.yaml`. Unknown keys are reported as warnings by the loader, not rejected. */
export const ktxConfigSchema = z.strictObject({
  connections: z
    .record(
      z
        .string()
        .regex(
          CONNECTION_ID_PATTERN,
          'connection ids use letters, digits, `_` and `-`, starting with a letter or digit',
        ),
      connectionSchema,
    )
    .default({}),
  llm: llmSchema.default({ provider: { backend: 'none' } }),
  embeddings: embeddingsSchema.default({ backend: 'none' }),
  scan: scanSchema.default({}),
  ingest: ingestSchema.default({}),
  mcp: mcpSchema.optional(),
  // Reference blocks we accept so existing projects load without warnings.
  setup: z.strictObject({ database_connection_ids: z.array(z.string()).optional() }).optional(),
  storage: z.looseObject({}).optional(),
  agent: z.looseObject({}).optional(),
});

export type KtxConfig = z.infer<typeof ktxConfigSchema>;
