import { KtxError } from '../../core/index.js';
import { retryAfterMsFromHeaders } from '../rate-limit-headers.js';
import { EmbeddingHttpError } from './embedding-http-error.js';
import type { EmbedBatch, ResolvedEmbeddingConfig } from './embedding-provider.js';

export const OPENAI_EMBEDDINGS_URL = 'https://api.openai.com/v1';

interface EmbeddingsResponse {
  data?: { embedding?: unknown; index?: unknown }[];
}

/**
 * One `POST {base}/embeddings` call in the OpenAI wire format, which OpenAI, Ollama, vLLM, LM Studio
 * and the scripted model server all speak. Plain fetch: the request is small and we need the status
 * and `retry-after` headers for the governor, which an SDK's own retry loop would hide.
 */
export function openAiEmbedBatch(config: ResolvedEmbeddingConfig): EmbedBatch {
  const base = (config.baseUrl ?? OPENAI_EMBEDDINGS_URL).replace(/\/+$/, '');
  const url = `${base}/embeddings`;
  return async (texts, signal) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: config.model,
          input: texts,
          encoding_format: 'float',
          // Only OpenAI's v3 models accept `dimensions`; others reject it, so send it only to OpenAI.
          ...(config.dimensions && config.backend === 'openai' ? { dimensions: config.dimensions } : {}),
        }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new KtxError(
        'embeddings_unavailable',
        `Cannot reach the embedding endpoint ${url}: ${(error as Error).cause ?? (error as Error).message}.`,
        {
          fix:
            config.backend === 'openai'
              ? 'Check the network connection, or set embeddings.backend: none for lexical search.'
              : 'Start the embedding server (e.g. `ollama serve`) or fix embeddings.base_url in ktx.yaml.',
          cause: error,
        },
      );
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      const headers = Object.fromEntries(response.headers.entries());
      throw new EmbeddingHttpError(response.status, body, retryAfterMsFromHeaders(headers, Date.now()));
    }
    const json = (await response.json()) as EmbeddingsResponse;
    const rows = Array.isArray(json.data) ? [...json.data] : [];
    // The API allows any order; `index` says which input each vector belongs to.
    rows.sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
    return rows.map((row) => {
      if (!Array.isArray(row.embedding) || row.embedding.some((value) => typeof value !== 'number')) {
        throw new KtxError(
          'embeddings_invalid_response',
          `${url} returned an embedding that is not a list of numbers.`,
          {
            fix: 'Check that embeddings.model names an embedding model.',
          },
        );
      }
      return row.embedding as number[];
    });
  };
}
