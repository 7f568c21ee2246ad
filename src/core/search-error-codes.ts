/** Stable error codes of the search index and embeddings subsystem; never renamed or reused, add at the end. */
export const SEARCH_ERROR_CODES = {} as const;
