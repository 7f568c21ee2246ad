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

const apiProvider = z.strictObject({
  api_key: secretText.optional().describe('API key: env:NAME, file:PATH or (discouraged) a literal.'),
  base_url: z.string().optional().describe('Endpoint override, e.g. a proxy or a local server.'),
});

// Claude Code and Codex use the local sign-in; a base URL routes their child process through an
// Anthropic- or OpenAI-compatible proxy instead (corporate gateways, and ktx's own tests).
const localAgentProvider = z.strictObject({
  base_url: z
    .string()
    .optional()
    .describe('Route the agent through this API endpoint instead of the sign-in.'),
  api_key: secretText.optional().describe('Key for base_url: env:NAME or file:PATH.'),
});

// The LLM block is shaped like the reference so existing projects load. Roles fall back to `default`;
// model ids are checked per backend when the runtime is opened (`ktx status` reports them).
export const llmSchema = z.strictObject({
  provider: z
    .strictObject({
      backend: z.enum(LLM_BACKENDS).default('none'),
      anthropic: apiProvider.optional(),
      gateway: apiProvider.optional(),
      openai: apiProvider.optional(),
      'openai-compatible': apiProvider.optional(),
      'claude-code': localAgentProvider.optional(),
      codex: localAgentProvider.optional(),
      vertex: z
        .strictObject({
          project: z.string().optional().describe('Google Cloud project (or env:/file:).'),
          location: z.string().optional().describe('Vertex region, e.g. us-east5.'),
          base_url: z.string().optional(),
        })
        .optional(),
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
