import { toKtxError } from '../../core/index.js';
import { createEmbeddingProvider, localEmbeddingsProblem } from '../../llm/index.js';
import type { KtxConfig } from '../../project/index.js';
import type { EmbeddingReadiness, ReadinessProblem } from '../../status/index.js';
import { resolveEmbeddingConfig } from './resolve-embedding-config.js';

const PROBE_TEXT = 'ktx embedding probe';

function problemOf(error: unknown): ReadinessProblem {
  const ktx = toKtxError(error);
  return { code: ktx.code, message: ktx.message, ...(ktx.fix ? { fix: ktx.fix } : {}) };
}

/**
 * What `ktx status` shows about embeddings: the resolved backend and model, what is missing
 * (config, key, local package or model directory), and unless `fast` a live probe that embeds one
 * text and checks the vector's width. Null when the backend is none.
 */
export async function embeddingReadiness(
  config: KtxConfig,
  projectDir: string,
  options: { fast: boolean; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<EmbeddingReadiness | null> {
  if (config.embeddings.backend === 'none') return null;
  const backend = config.embeddings.backend;
  let resolved: ReturnType<typeof resolveEmbeddingConfig>;
  try {
    resolved = resolveEmbeddingConfig(config, projectDir, options.env);
  } catch (error) {
    return { backend, configProblem: problemOf(error) };
  }
  if (!resolved) return null;
  const base: EmbeddingReadiness = {
    backend,
    model: resolved.model,
    ...(resolved.baseUrl ? { endpoint: resolved.baseUrl } : {}),
  };
  if (backend === 'local') {
    const missing = localEmbeddingsProblem(resolved);
    if (missing) return { ...base, configProblem: problemOf(missing) };
  }
  if (options.fast) return base;
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const provider = await createEmbeddingProvider(resolved);
    try {
      const [vector] = await provider.embed([PROBE_TEXT], controller.signal);
      return {
        ...base,
        probe: { ok: true, ms: Math.round(performance.now() - started), dimensions: vector?.length ?? 0 },
      };
    } finally {
      await provider.close();
    }
  } catch (error) {
    const problem = controller.signal.aborted
      ? {
          code: 'embeddings_unavailable',
          message: `The embedding probe timed out after ${options.timeoutMs} ms.`,
          fix: 'Check that the embedding server is running and reachable.',
        }
      : problemOf(error);
    return { ...base, probe: { ok: false, ms: Math.round(performance.now() - started), problem } };
  } finally {
    clearTimeout(timer);
  }
}
