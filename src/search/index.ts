export { chunkMarkdown } from './chunk-markdown.js';
export type { DocumentCollector } from './document-collector.js';
export type { Embedder } from './embedder.js';
export { expandNames, identifierWords, queryTerms } from './identifier-terms.js';
export { type IndexStats, SearchIndex, type SearchIndexOptions } from './search-index.js';
export {
  SEARCH_KINDS,
  SEMANTIC_KINDS,
  type SearchDocument,
  type SearchHit,
  type SearchKind,
  type SearchOutcome,
  type SearchQuery,
} from './search-types.js';
export { semanticCollector } from './semantic-collector.js';
export { semanticDocuments } from './semantic-documents.js';
export type { SyncReport } from './sync-documents.js';
export { valueCollector, valueDocuments } from './value-collector.js';
export { wikiCollector, wikiDocuments } from './wiki-collector.js';
