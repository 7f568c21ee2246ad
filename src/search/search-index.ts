import { KtxError } from '../core/index.js';
import type { DocumentCollector } from './document-collector.js';
import type { Embedder } from './embedder.js';
import { clearIndex, type IndexDatabase, openIndexDatabase } from './index-schema.js';
import { queryIndex } from './query-index.js';
import { SEARCH_KINDS, type SearchOutcome, type SearchQuery } from './search-types.js';
import { StoredStamps } from './stored-stamps.js';
import { type SyncReport, syncDocuments } from './sync-documents.js';
import { VectorCache } from './vector-cache.js';

export interface SearchIndexOptions {
  collectors: readonly DocumentCollector[];
  /** Absent: lexical-only (embeddings off). */
  embedder?: Embedder;
}

export interface IndexStats {
  documents: number;
  vectors: number;
  byKind: Record<string, number>;
}

/**
 * The persistent search index (`.ktx/search.sqlite`). `search` syncs incrementally first (a stat
 * walk when nothing changed), so results always reflect the files on disk; `reindex` empties it and
 * builds everything again. Safe to use from several processes at once.
 */
export class SearchIndex {
  private readonly db: IndexDatabase;
  private readonly vectors: VectorCache;
  private readonly storedStamps = new StoredStamps();

  constructor(
    readonly path: string,
    private readonly options: SearchIndexOptions,
  ) {
    this.db = openIndexDatabase(path);
    this.vectors = new VectorCache(this.db);
  }

  sync(signal?: AbortSignal): Promise<SyncReport> {
    return syncDocuments(this.db, this.options.collectors, this.options.embedder, {
      storedStamps: this.storedStamps,
      ...(signal ? { signal } : {}),
    });
  }

  async search(query: SearchQuery): Promise<SearchOutcome & { sync: SyncReport }> {
    if (!query.query.trim()) {
      throw new KtxError('search_query_invalid', 'The search query is empty.', {
        fix: 'Give some words to search for, e.g. `ktx search net revenue retention`.',
      });
    }
    for (const kind of query.kinds ?? []) {
      if (!(SEARCH_KINDS as readonly string[]).includes(kind)) {
        throw new KtxError('search_query_invalid', `Unknown search kind \`${kind}\`.`, {
          fix: `Use one of: ${SEARCH_KINDS.join(', ')}.`,
        });
      }
    }
    const sync = await this.sync();
    const outcome = await queryIndex(this.db, this.vectors, query, this.options.embedder);
    const problem = outcome.vectorProblem ?? sync.embeddingProblem;
    return { ...outcome, ...(problem ? { vectorProblem: problem } : {}), sync };
  }

  /** Drops every document and vector and builds them again from the collectors. */
  async reindex(signal?: AbortSignal): Promise<SyncReport> {
    for (const collector of this.options.collectors) collector.reset?.();
    this.db.transaction(() => clearIndex(this.db, true)).immediate();
    return this.sync(signal);
  }

  stats(): IndexStats {
    const byKind = Object.fromEntries(
      (
        this.db.prepare('SELECT kind, COUNT(*) AS n FROM docs GROUP BY kind ORDER BY kind').all() as {
          kind: string;
          n: number;
        }[]
      ).map((row) => [row.kind, row.n]),
    );
    return {
      documents: Object.values(byKind).reduce((total, n) => total + n, 0),
      vectors: this.db.prepare('SELECT COUNT(*) FROM vectors').pluck().get() as number,
      byKind,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
