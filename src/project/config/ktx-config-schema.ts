import { z } from 'zod';
import { CONNECTION_ID_PATTERN, connectionSchema } from './connection-schema.js';

const secretText = z.string().min(1);

export const LLM_BACKENDS = [
  'none',
  'anthropic',
  'vertex',
  'gateway',
  'openai',
  'openai-compatible',
  'claude-code',
  'codex',
] as const;

export const EMBEDDING_BACKENDS = ['none', 'openai', 'openai-compatible', 'local'] as const;

const apiProvider = z.strictObject({ api_key: secretText.optional(), base_url: z.string().optional() });

// The LLM block is shaped like the reference so existing projects load; the LLM runtime issue
// tightens per-backend rules. Roles fall back to `default`.
const llmSchema = z.strictObject({
  provider: z
    .strictObject({
      backend: z.enum(LLM_BACKENDS).default('none'),
      anthropic: apiProvider.optional(),
      gateway: apiProvider.optional(),
      openai: apiProvider.optional(),
      'openai-compatible': apiProvider.optional(),
      vertex: z.strictObject({ project: z.string().optional(), location: z.string().optional() }).optional(),
    })
    .default({ backend: 'none' }),
  models: z
    .strictObject({
      default: z.string().optional(),
      triage: z.string().optional(),
      candidateExtraction: z.string().optional(),
      curator: z.string().optional(),
      reconcile: z.string().optional(),
      repair: z.string().optional(),
    })
    .optional(),
  promptCaching: z
    .strictObject({
      enabled: z.boolean().optional(),
      systemTtl: z.enum(['5m', '1h']).optional(),
      toolsTtl: z.enum(['5m', '1h']).optional(),
      historyTtl: z.enum(['5m', '1h']).optional(),
      vertexFallbackTo5m: z.boolean().optional(),
    })
    .optional(),
});

const embeddingsSchema = z.strictObject({
  backend: z.enum(EMBEDDING_BACKENDS).default('none'),
  model: z.string().optional(),
  dimensions: z.number().int().positive().optional(),
  batchSize: z.number().int().positive().optional(),
  base_url: z.string().optional(),
  api_key: secretText.optional(),
  model_dir: z.string().optional().describe('Local model directory for `backend: local`.'),
});

const scanSchema = z.strictObject({
  enrichment: z.strictObject({ mode: z.enum(['none', 'deterministic', 'llm']).optional() }).optional(),
  profile: z
    .strictObject({
      sampleRows: z.number().int().positive().optional(),
      concurrency: z.number().int().min(1).max(64).optional(),
      tableTimeoutMs: z.number().int().positive().optional(),
    })
    .optional(),
  relationships: z
    .strictObject({
      enabled: z.boolean().optional(),
      llmProposals: z.boolean().optional(),
      validationRequiredForManifest: z.boolean().optional(),
      acceptThreshold: z.number().min(0).max(1).optional(),
      reviewThreshold: z.number().min(0).max(1).optional(),
      maxLlmTablesPerBatch: z.number().int().positive().optional(),
      maxCandidatesPerColumn: z.number().int().positive().optional(),
      profileSampleRows: z.number().int().positive().optional(),
      profileConcurrency: z.number().int().positive().optional(),
      validationConcurrency: z.number().int().positive().optional(),
      validationBudget: z.union([z.literal('all'), z.number().int().positive()]).optional(),
    })
    .optional(),
});

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
  // Reference blocks we accept so existing projects load without warnings.
  setup: z.strictObject({ database_connection_ids: z.array(z.string()).optional() }).optional(),
  storage: z.looseObject({}).optional(),
  agent: z.looseObject({}).optional(),
});

export type KtxConfig = z.infer<typeof ktxConfigSchema>;
export type LlmBackend = (typeof LLM_BACKENDS)[number];
export type EmbeddingBackend = (typeof EMBEDDING_BACKENDS)[number];
