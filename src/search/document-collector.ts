import type { SearchDocument } from './search-types.js';

/**
 * A family of documents the index keeps in sync (wiki pages, one connection's semantic layer, its
 * scanned values). Origins are the unit of change: one file, one source (whatever files compose
 * it), or a group of files that only make sense together. `stamps` runs before every query, so it
 * must be cheap: a stat per file, and reading only files whose stat moved.
 */
export interface DocumentCollector {
  /** Every origin that exists now → a stamp that changes whenever its content may have changed. */
  stamps(): Map<string, string>;
  /** The documents of the given origins (only changed ones are asked for); absent → none. */
  documents(
    origins: readonly string[],
  ): Promise<Map<string, SearchDocument[]>> | Map<string, SearchDocument[]>;
  /** Forgets any state kept between syncs (`ktx admin reindex` rebuilds from the files alone). */
  reset?(): void;
}
