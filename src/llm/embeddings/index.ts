export type { EmbeddingDeps } from './batched-embedding-provider.js';
export { createEmbeddingProvider } from './create-embedding-provider.js';
export {
  EMBEDDING_BACKEND_NAMES,
  type EmbeddingBackendName,
  type EmbeddingProvider,
  type ResolvedEmbeddingConfig,
} from './embedding-provider.js';
export { localEmbeddingsProblem, TRANSFORMERS_PACKAGE, transformersInstalled } from './local-embeddings.js';
export { OPENAI_EMBEDDINGS_URL } from './openai-embeddings.js';
