/** Stable error codes of the search index and embeddings subsystem; never renamed or reused, add at the end. */
export const SEARCH_ERROR_CODES = {
  search_index: 'The search index .ktx/search.sqlite could not be opened, read or written.',
  search_query_invalid: 'The search query is empty or names an unknown kind.',
  embeddings_config: 'The embeddings block of ktx.yaml is incomplete (missing model, base_url or model_dir).',
  embeddings_unavailable: 'The embedding backend could not be reached or is not installed.',
  embeddings_auth: 'The embedding provider rejected the credentials.',
  embeddings_rate_limited: 'The embedding provider kept refusing with a rate limit after every retry.',
  embeddings_invalid_response: 'The embedding provider returned vectors of the wrong count or dimensions.',
} as const;
