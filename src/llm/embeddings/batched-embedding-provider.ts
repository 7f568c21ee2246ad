import { KtxError } from '../../core/index.js';
import { throwIfAborted } from '../abort.js';
import type { RateLimitGovernor } from '../port.js';
import { EmbeddingHttpError } from './embedding-http-error.js';
import type { EmbedBatch, EmbeddingProvider, ResolvedEmbeddingConfig } from './embedding-provider.js';

export interface EmbeddingDeps {
  /** Shared pause/concurrency/backoff policy; without one every batch gets a single attempt. */
  governor?: RateLimitGovernor;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });

/**
 * Wraps one backend's batch call with what every backend needs: splitting into `batchSize` batches
 * (run concurrently under the governor's slots), retries with backoff on 429/5xx (a 429 pauses every
 * caller through the governor, honouring `retry-after`), and count and dimension checks on the answer.
 */
export function batchedEmbeddingProvider(
  config: ResolvedEmbeddingConfig,
  batch: EmbedBatch,
  deps: EmbeddingDeps = {},
  close: () => Promise<void> = async () => {},
): EmbeddingProvider {
  const sleep = deps.sleep ?? defaultSleep;
  const governor = deps.governor;
  let dimensions = config.dimensions;
  const where = `${config.backend} embeddings (${config.model})`;

  const check = (texts: string[], vectors: ArrayLike<number>[]): Float32Array[] => {
    if (vectors.length !== texts.length) {
      throw new KtxError(
        'embeddings_invalid_response',
        `${where} returned ${vectors.length} vectors for ${texts.length} texts.`,
        { fix: 'Check that embeddings.base_url points at an OpenAI-compatible /embeddings endpoint.' },
      );
    }
    return vectors.map((vector) => {
      if (dimensions === undefined) dimensions = vector.length;
      if (vector.length !== dimensions || vector.length === 0) {
        throw new KtxError(
          'embeddings_invalid_response',
          `${where} returned a vector of ${vector.length} dimensions; expected ${dimensions}.`,
          {
            fix: 'Set embeddings.dimensions to the width the model produces, then run `ktx admin reindex`.',
          },
        );
      }
      return vector instanceof Float32Array ? vector : Float32Array.from(vector);
    });
  };

  const once = async (texts: string[], signal?: AbortSignal): Promise<Float32Array[]> => {
    const attempts = governor?.maxAttempts() ?? 1;
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal);
      const release = governor ? await governor.acquireSlot(signal) : () => {};
      try {
        const vectors = check(texts, await batch(texts, signal));
        governor?.report({ provider: config.backend, status: 'allowed' });
        return vectors;
      } catch (error) {
        if (!(error instanceof EmbeddingHttpError)) throw error;
        if (!error.retryable || attempt >= attempts) throw classify(error, where, attempt);
        if (error.status === 429) {
          governor?.report({
            provider: config.backend,
            status: 'rejected',
            rateLimitType: 'http_429',
            ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
          });
        } else {
          release();
          await sleep(governor?.backoffMs(attempt) ?? 1000, signal);
        }
      } finally {
        release();
      }
    }
  };

  return {
    backend: config.backend,
    model: config.model,
    get dimensions() {
      return dimensions;
    },
    maxBatchSize: config.batchSize,
    async embed(texts, signal) {
      if (texts.length === 0) return [];
      const batches: string[][] = [];
      for (let start = 0; start < texts.length; start += config.batchSize)
        // The APIs refuse empty inputs; a lone space embeds to a neutral vector instead.
        batches.push(texts.slice(start, start + config.batchSize).map((text) => (text.trim() ? text : ' ')));
      const results = await Promise.all(batches.map((texts) => once(texts, signal)));
      return results.flat();
    },
    close,
  };
}

function classify(error: EmbeddingHttpError, where: string, attempts: number): KtxError {
  const detail = error.body.replace(/\s+/g, ' ').slice(0, 200);
  if (error.status === 401 || error.status === 403) {
    return new KtxError('embeddings_auth', `${where} refused the credentials (HTTP ${error.status}).`, {
      fix: 'Set embeddings.api_key (env:NAME or file:PATH) to a valid key, or OPENAI_API_KEY for openai.',
      cause: error,
    });
  }
  if (error.status === 429) {
    return new KtxError(
      'embeddings_rate_limited',
      `${where} was still rate-limited after ${attempts} attempt(s).`,
      { fix: 'Wait and retry, or lower embeddings.batchSize.', cause: error },
    );
  }
  if (error.status === 404) {
    return new KtxError(
      'embeddings_unavailable',
      `${where}: the endpoint or model was not found (HTTP 404).`,
      {
        fix: 'Check embeddings.model and embeddings.base_url (it should end in /v1 for OpenAI-compatible servers).',
        cause: error,
      },
    );
  }
  return new KtxError(
    'embeddings_unavailable',
    `${where} failed with HTTP ${error.status}${detail ? `: ${detail}` : ''}.`,
    {
      fix: 'Check the embedding server and embeddings.model, or set embeddings.backend: none.',
      cause: error,
    },
  );
}
