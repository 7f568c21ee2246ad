import { join } from 'node:path';
import { DRIVER_DIALECT } from '../../connectors/port.js';
import { toKtxError } from '../../core/index.js';
import { createEmbeddingProvider, createRateLimitGovernor, type EmbeddingProvider } from '../../llm/index.js';
import {
  type Embedder,
  SearchIndex,
  semanticCollector,
  valueCollector,
  wikiCollector,
} from '../../search/index.js';
import { loadSemanticModel } from '../../semantic/index.js';
import { requireConnection } from '../connector-config.js';
import type { OpenProject } from '../open-project.js';
import { resolveEmbeddingConfig } from './resolve-embedding-config.js';

export interface ProjectIndex {
  index: SearchIndex;
  /** Why hybrid search is off although embeddings are configured (config, package, model dir). */
  embeddingProblem?: string;
  close(): Promise<void>;
}

export const SEARCH_INDEX_FILE = 'search.sqlite';
/** Per connection: outlines of semantic-layer files (which declares which source) and shard parses. */
const SEARCH_CACHE_DIR = 'search-cache';

function connectionDialect(project: OpenProject, connectionId: string) {
  return DRIVER_DIALECT[requireConnection(project.config, connectionId).driver];
}

/** The embedder the index uses: the provider's vectors, named by backend, model and width. */
function embedderOf(provider: EmbeddingProvider): Embedder {
  return {
    // Stable before the first call: a width learnt later must not look like a model switch.
    id: `${provider.backend}:${provider.model}${provider.dimensions ? `:${provider.dimensions}` : ''}`,
    embed: (texts, signal) => provider.embed(texts, signal),
  };
}

/**
 * The project's index with its collectors: every wiki page, and per connection its semantic layer and
 * the sampled values of its latest scan. A broken embedding setup does not stop search: it runs
 * lexically and says why.
 */
export async function openProjectIndex(project: OpenProject): Promise<ProjectIndex> {
  const collectors = [
    wikiCollector(project.dir),
    ...Object.keys(project.config.connections).flatMap((connectionId) => [
      semanticCollector({
        projectDir: project.dir,
        connectionId,
        cacheDir: join(project.layout.state, SEARCH_CACHE_DIR, encodeURIComponent(connectionId)),
        load: (files, options) =>
          loadSemanticModel(files, { dialect: connectionDialect(project, connectionId), ...options }).model,
      }),
      valueCollector(project.dir, connectionId),
    ]),
  ];
  let provider: EmbeddingProvider | undefined;
  let embeddingProblem: string | undefined;
  try {
    const config = resolveEmbeddingConfig(project.config, project.dir);
    if (config) {
      provider = await createEmbeddingProvider(config, {
        governor: createRateLimitGovernor({ maxConcurrency: 2, maxAttempts: 4, maxDelayMs: 20_000 }),
      });
    }
  } catch (error) {
    const problem = toKtxError(error);
    embeddingProblem = `${problem.message}${problem.fix ? ` Fix: ${problem.fix}` : ''}`;
  }
  const index = new SearchIndex(join(project.layout.state, SEARCH_INDEX_FILE), {
    collectors,
    ...(provider ? { embedder: embedderOf(provider) } : {}),
  });
  return {
    index,
    ...(embeddingProblem ? { embeddingProblem } : {}),
    async close() {
      index.close();
      await provider?.close();
    },
  };
}
