import { z } from 'zod';

const secretText = z.string().min(1);

export const EMBEDDING_BACKENDS = ['none', 'openai', 'openai-compatible', 'local'] as const;

export const embeddingsSchema = z.strictObject({
  backend: z.enum(EMBEDDING_BACKENDS).default('none'),
  model: z.string().optional(),
  dimensions: z.number().int().positive().optional(),
  batchSize: z.number().int().positive().optional(),
  base_url: z.string().optional(),
  api_key: secretText.optional(),
  model_dir: z.string().optional().describe('Local model directory for `backend: local`.'),
});

export type EmbeddingBackend = (typeof EMBEDDING_BACKENDS)[number];
