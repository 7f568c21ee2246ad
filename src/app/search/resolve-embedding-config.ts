import { KtxError } from '../../core/index.js';
import { OPENAI_EMBEDDINGS_URL, type ResolvedEmbeddingConfig } from '../../llm/index.js';
import { type KtxConfig, resolveSecret, resolveUserPath } from '../../project/index.js';

/** Defaults per backend: OpenAI's small v3 model, and batch sizes each kind of server takes well. */
const DEFAULT_MODEL: Partial<Record<ResolvedEmbeddingConfig['backend'], string>> = {
  openai: 'text-embedding-3-small',
};
const DEFAULT_BATCH: Record<ResolvedEmbeddingConfig['backend'], number> = {
  openai: 100,
  'openai-compatible': 64,
  local: 16,
};

/**
 * Turns the `embeddings` block into what a provider needs: references dereferenced, paths resolved,
 * defaults applied, requirements checked. Null when the backend is `none`.
 */
export function resolveEmbeddingConfig(
  config: KtxConfig,
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedEmbeddingConfig | null {
  const block = config.embeddings;
  if (block.backend === 'none') return null;
  const backend = block.backend;
  const model = block.model ?? DEFAULT_MODEL[backend];
  if (!model && backend !== 'local') {
    throw new KtxError(
      'embeddings_config',
      `embeddings.backend is ${backend} but embeddings.model is missing.`,
      {
        fix: 'Set embeddings.model in ktx.yaml (e.g. nomic-embed-text for Ollama).',
      },
    );
  }
  const where = 'embeddings.api_key';
  const apiKey = block.api_key
    ? resolveSecret(block.api_key, { projectDir, where, env })
    : backend === 'openai'
      ? env.OPENAI_API_KEY?.trim() || undefined
      : undefined;
  if (backend === 'openai' && !apiKey) {
    throw new KtxError('embeddings_auth', 'No API key for openai embeddings: OPENAI_API_KEY is not set.', {
      fix: 'export OPENAI_API_KEY=… or set embeddings.api_key to env:NAME or file:PATH.',
    });
  }
  if (backend === 'openai-compatible' && !block.base_url) {
    throw new KtxError(
      'embeddings_config',
      'embeddings.backend is openai-compatible but embeddings.base_url is missing.',
      {
        fix: 'Set embeddings.base_url, e.g. http://localhost:11434/v1 for Ollama.',
      },
    );
  }
  const modelDir = block.model_dir ? resolveUserPath(block.model_dir, projectDir) : undefined;
  return {
    backend,
    // A local model is named by its directory when no name is given.
    model: model ?? modelDir ?? 'local',
    ...(block.dimensions ? { dimensions: block.dimensions } : {}),
    batchSize: block.batchSize ?? DEFAULT_BATCH[backend],
    ...(apiKey ? { apiKey } : {}),
    ...(block.base_url
      ? { baseUrl: block.base_url }
      : backend === 'openai'
        ? { baseUrl: OPENAI_EMBEDDINGS_URL }
        : {}),
    ...(modelDir ? { modelDir } : {}),
  };
}
