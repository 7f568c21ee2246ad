import { KtxError } from '../../core/index.js';
import type { LlmModelRole, LlmPromptCaching, ResolvedLlmConfig } from '../../llm/port.js';
import { DEFAULT_PROMPT_CACHING, LLM_MODEL_ROLES } from '../../llm/port.js';
import { type KtxConfig, parseSecretRef, resolveSecret } from '../../project/index.js';

type LlmBlock = KtxConfig['llm'];
type ActiveBackend = ResolvedLlmConfig['backend'];

/** The env var each API backend reads its key from when ktx.yaml names none. */
export const DEFAULT_KEY_ENV: Partial<Record<ActiveBackend, string>> = {
  anthropic: 'ANTHROPIC_API_KEY',
  gateway: 'AI_GATEWAY_API_KEY',
  openai: 'OPENAI_API_KEY',
};

export interface ResolveLlmOptions {
  projectDir: string;
  env: NodeJS.ProcessEnv;
  debugFile?: string;
}

function providerBlock(llm: LlmBlock, backend: ActiveBackend): { api_key?: string; base_url?: string } {
  const provider = llm.provider as Record<string, unknown>;
  return (provider[backend] as { api_key?: string; base_url?: string } | undefined) ?? {};
}

function promptCaching(llm: LlmBlock): LlmPromptCaching {
  const caching = llm.promptCaching ?? {};
  const defined = Object.fromEntries(Object.entries(caching).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_PROMPT_CACHING, ...defined };
}

function resolveModels(llm: LlmBlock, backend: ActiveBackend, options: ResolveLlmOptions) {
  const models: Partial<Record<LlmModelRole, string>> = {};
  for (const role of LLM_MODEL_ROLES) {
    const raw = llm.models?.[role]?.trim();
    if (!raw) continue;
    // Model slots accept references too, so a team can pin models per machine (`env:KTX_MODEL`).
    models[role] = resolveSecret(raw, { ...options, where: `llm.models.${role}` }).trim();
  }
  const fallback = models.default;
  if (!fallback) {
    throw new KtxError(
      'llm_not_configured',
      `llm.provider.backend is ${backend} but llm.models.default is missing.`,
      {
        fix: `Set llm.models.default in ktx.yaml, or run \`ktx setup --llm-backend ${backend} --llm-model <model>\`.`,
      },
    );
  }
  return { ...models, default: fallback };
}

function resolveKey(
  backend: ActiveBackend,
  block: { api_key?: string },
  options: ResolveLlmOptions,
): string | undefined {
  const where = `llm.provider.${backend}.api_key`;
  if (block.api_key) return resolveSecret(block.api_key, { ...options, where });
  const envName = DEFAULT_KEY_ENV[backend];
  const fromEnv = envName ? options.env[envName]?.trim() : undefined;
  if (fromEnv) return fromEnv;
  if (envName) {
    throw new KtxError('llm_auth', `No API key for the ${backend} backend: ${envName} is not set.`, {
      fix: `export ${envName}=… or run \`ktx setup --llm-backend ${backend} --llm-api-key-env <NAME>\`.`,
    });
  }
  return undefined;
}

/**
 * Turns the `llm` block into what the runtime needs: references dereferenced, defaults applied, the
 * backend's own requirements checked. Returns null when the backend is `none`. Never reads files the
 * backend does not use (an inactive Vertex block with a broken reference is ignored).
 */
export function resolveLlmConfig(config: KtxConfig, options: ResolveLlmOptions): ResolvedLlmConfig | null {
  const llm = config.llm;
  const backend = llm.provider.backend;
  if (backend === 'none') return null;
  const models = resolveModels(llm, backend, options);
  const resolved: ResolvedLlmConfig = {
    backend,
    models,
    promptCaching: promptCaching(llm),
    projectDir: options.projectDir,
    env: options.env,
    ...(options.debugFile ? { debugFile: options.debugFile } : {}),
  };
  if (backend === 'vertex') {
    const vertex = llm.provider.vertex ?? {};
    const project = vertex.project
      ? resolveSecret(vertex.project, { ...options, where: 'llm.provider.vertex.project' })
      : options.env.GOOGLE_VERTEX_PROJECT?.trim();
    const location = vertex.location
      ? resolveSecret(vertex.location, { ...options, where: 'llm.provider.vertex.location' })
      : options.env.GOOGLE_VERTEX_LOCATION?.trim();
    if (!location) {
      throw new KtxError('llm_config', 'llm.provider.vertex.location is missing.', {
        fix: 'Set llm.provider.vertex.location (e.g. us-east5) or GOOGLE_VERTEX_LOCATION.',
      });
    }
    resolved.vertex = { location, ...(project ? { project } : {}) };
    if (vertex.base_url) resolved.baseUrl = vertex.base_url;
    return resolved;
  }
  const block = providerBlock(llm, backend);
  if (block.base_url) resolved.baseUrl = block.base_url;
  if (backend === 'openai-compatible' && !resolved.baseUrl) {
    throw new KtxError('llm_config', 'llm.provider.openai-compatible.base_url is missing.', {
      fix: 'Set it to the server’s OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 for Ollama.',
    });
  }
  if (backend === 'claude-code' || backend === 'codex' || backend === 'openai-compatible') {
    // Local sign-in (or a keyless local server): a key is only used when one is configured.
    if (block.api_key) {
      resolved.apiKey = resolveSecret(block.api_key, {
        ...options,
        where: `llm.provider.${backend}.api_key`,
      });
    }
    return resolved;
  }
  const apiKey = resolveKey(backend, block, options);
  if (apiKey) resolved.apiKey = apiKey;
  return resolved;
}

/** Where the key of an API backend comes from, without reading it: for status lines. */
export function describeKeySource(config: KtxConfig): string | undefined {
  const backend = config.llm.provider.backend;
  if (backend === 'none' || backend === 'vertex') return undefined;
  const block = providerBlock(config.llm, backend);
  if (block.api_key) {
    const ref = parseSecretRef(block.api_key);
    return ref.kind === 'env'
      ? `env:${ref.name}`
      : ref.kind === 'file'
        ? `file:${ref.path}`
        : 'literal in ktx.yaml';
  }
  const envName = DEFAULT_KEY_ENV[backend];
  return envName ? `env:${envName}` : undefined;
}
