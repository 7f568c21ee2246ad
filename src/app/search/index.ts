// The search facade of the app layer; re-exported by ../index.ts.
export { SEARCH_KINDS, SEMANTIC_KINDS, type SearchHit, type SearchKind } from '../../search/index.js';
export { embeddingReadiness } from './embedding-readiness.js';
export { openProjectIndex, type ProjectIndex, SEARCH_INDEX_FILE } from './open-project-index.js';
export { type ReindexResult, reindexProject } from './reindex-project.js';
export { resolveEmbeddingConfig } from './resolve-embedding-config.js';
export {
  type SearchProjectInput,
  type SearchProjectResult,
  searchProject,
  searchProjectDetailed,
} from './search-project.js';
