import type { LanguageModel } from 'ai';
import { KtxError } from '../../core/index.js';
import type { ResolvedLlmConfig } from '../port.js';

export type AiSdkBackend = 'anthropic' | 'vertex' | 'gateway' | 'openai' | 'openai-compatible';

export interface AiSdkModels {
  backend: AiSdkBackend;
  /** Name reported to the rate-limit governor (and shown in countdowns). */
  governorProvider: string;
  model(id: string): LanguageModel;
}

export interface AiSdkModelOptions {
  fetch: typeof fetch;
  /** Vertex bearer-token source; defaults to Google Application Default Credentials. */
  vertexAccessToken?: () => Promise<string | null>;
}

// 1h cache TTLs needed this beta on the Anthropic API; the Gateway forwards it (reference R1).
// Harmless where the TTL is generally available. Vertex rejects unknown betas, so it never gets it.
const EXTENDED_CACHE_BETA = 'extended-cache-ttl-2025-04-11';

function usesLongTtl(config: ResolvedLlmConfig): boolean {
  const caching = config.promptCaching;
  return caching.enabled && [caching.systemTtl, caching.toolsTtl, caching.historyTtl].includes('1h');
}

/**
 * The AI SDK provider for the configured backend, loaded lazily so only the chosen provider package
 * is imported. Keys come from the resolved config (the app layer already read `env:`/`file:`), with
 * the provider's usual env var from `config.env` as a fallback; the llm layer never reads process.env.
 */
export async function createAiSdkModels(
  config: ResolvedLlmConfig,
  options: AiSdkModelOptions,
): Promise<AiSdkModels> {
  const backend = config.backend as AiSdkBackend;
  const headers = usesLongTtl(config) ? { 'anthropic-beta': EXTENDED_CACHE_BETA } : undefined;
  switch (backend) {
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      const provider = createAnthropic({
        apiKey: config.apiKey ?? config.env.ANTHROPIC_API_KEY ?? '',
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
        ...(headers ? { headers } : {}),
        fetch: options.fetch,
      });
      return { backend, governorProvider: 'anthropic-api', model: (id) => provider(id) };
    }
    case 'vertex': {
      const { createVertexAnthropic } = await import('@ai-sdk/google-vertex/anthropic');
      if (!config.vertex?.location) {
        throw new KtxError('llm_config', 'The vertex backend needs llm.provider.vertex.location.', {
          fix: 'Set llm.provider.vertex.location (e.g. us-east5) in ktx.yaml, or rerun `ktx setup --llm-backend vertex`.',
        });
      }
      const provider = createVertexAnthropic({
        location: config.vertex.location,
        ...(config.vertex.project ? { project: config.vertex.project } : {}),
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
        ...(options.vertexAccessToken ? { generateAuthToken: options.vertexAccessToken } : {}),
        fetch: options.fetch,
      });
      return { backend, governorProvider: 'vertex', model: (id) => provider(id) };
    }
    case 'gateway': {
      const { createGateway } = await import('ai');
      const apiKey = config.apiKey ?? config.env.AI_GATEWAY_API_KEY;
      const provider = createGateway({
        ...(apiKey ? { apiKey } : {}),
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
        ...(headers ? { headers } : {}),
        fetch: options.fetch,
      });
      return { backend, governorProvider: 'gateway', model: (id) => provider(id) };
    }
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      const provider = createOpenAI({
        apiKey: config.apiKey ?? config.env.OPENAI_API_KEY ?? '',
        ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
        fetch: options.fetch,
      });
      return { backend, governorProvider: 'openai', model: (id) => provider.responses(id) };
    }
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      if (!config.baseUrl) {
        throw new KtxError(
          'llm_config',
          'The openai-compatible backend needs llm.provider.openai-compatible.base_url.',
          {
            fix: 'Set base_url to the server’s OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 for Ollama.',
          },
        );
      }
      const provider = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: config.baseUrl,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        includeUsage: true,
        // json_schema response formats are what Ollama, vLLM, LM Studio and llama.cpp all accept;
        // LM Studio rejects the older json_object mode the provider would use otherwise.
        supportsStructuredOutputs: true,
        fetch: options.fetch,
      });
      return { backend, governorProvider: 'openai-compatible', model: (id) => provider.chatModel(id) };
    }
    default:
      // R6: never fall through to some other provider for a backend this module does not serve.
      throw new KtxError('internal', `${String(backend)} is not an AI SDK backend.`, {
        fix: 'Create the runtime through createLlmRuntime, which dispatches claude-code and codex elsewhere.',
      });
  }
}
