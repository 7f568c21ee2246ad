import { assertNever } from '../../core/index.js';
import { batchedEmbeddingProvider, type EmbeddingDeps } from './batched-embedding-provider.js';
import type { EmbeddingProvider, ResolvedEmbeddingConfig } from './embedding-provider.js';
import { localEmbedBatch } from './local-embeddings.js';
import { openAiEmbedBatch } from './openai-embeddings.js';

/** The provider for a resolved `embeddings` block. `local` loads its model here (lazily imported). */
export async function createEmbeddingProvider(
  config: ResolvedEmbeddingConfig,
  deps: EmbeddingDeps = {},
): Promise<EmbeddingProvider> {
  switch (config.backend) {
    case 'openai':
    case 'openai-compatible':
      return batchedEmbeddingProvider(config, openAiEmbedBatch(config), deps);
    case 'local': {
      const { batch, close } = await localEmbedBatch(config);
      // In-process: no rate limits to respect, one batch at a time is as fast as it gets.
      return batchedEmbeddingProvider(config, batch, {}, close);
    }
    default:
      return assertNever(config.backend);
  }
}
