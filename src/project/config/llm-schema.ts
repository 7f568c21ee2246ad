import { z } from 'zod';

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

const apiProvider = z.strictObject({ api_key: secretText.optional(), base_url: z.string().optional() });

// The LLM block is shaped like the reference so existing projects load; the LLM runtime issue
// tightens per-backend rules. Roles fall back to `default`.
export const llmSchema = z.strictObject({
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

export type LlmBackend = (typeof LLM_BACKENDS)[number];
