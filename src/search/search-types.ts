/** What a hit is: a wiki page, or one of the semantic layer's parts, or a column's sampled values. */
export const SEARCH_KINDS = ['wiki', 'source', 'measure', 'dimension', 'segment', 'column', 'value'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The kinds `ktx sl <query…>` shows: everything the semantic layer defines or scanned. */
export const SEMANTIC_KINDS: readonly SearchKind[] = ['source', 'measure', 'dimension', 'segment', 'column'];

/** One search result. `key` is what `ktx wiki read` / `ktx sl read` / `ktx sl query` take. */
export interface SearchHit {
  kind: SearchKind;
  key: string;
  title: string;
  /** Fused score, 1 for the best hit of the query; only the order means something. */
  score: number;
  /** A short excerpt around the matched words (`…` where text was cut). */
  snippet: string;
  /** Project-relative file that defines it. */
  path?: string;
  /** The connection of a semantic-layer or value hit. */
  connectionId?: string;
}

/**
 * One indexed document. A wiki page becomes several (one per body chunk, `part` 0…n) that collapse
 * back to one hit; everything else is one document.
 */
export interface SearchDocument {
  kind: SearchKind;
  key: string;
  part?: number;
  title: string;
  /** Identifiers (source, column, measure names, page key): indexed with their split and joined forms. */
  names: readonly string[];
  summary?: string;
  body: string;
  tags?: readonly string[];
  path?: string;
  connectionId?: string;
  /** Set for user-scoped wiki pages: visible to that user only, and they hide the global page of the same key. */
  userId?: string;
}

export interface SearchQuery {
  query: string;
  kinds?: readonly SearchKind[];
  /** Default 10. */
  limit?: number;
  userId?: string;
  /** Only hits of this connection (wiki pages have none and are kept). */
  connectionId?: string;
}

/** How a query was answered, for `--debug` and JSON callers. */
export interface SearchOutcome {
  hits: SearchHit[];
  mode: 'lexical' | 'hybrid';
  /** Why the vector lane did not run, when embeddings are configured but failed. */
  vectorProblem?: string;
}
