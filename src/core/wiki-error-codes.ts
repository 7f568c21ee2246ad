/** Stable error codes of the wiki subsystem; never renamed or reused, add at the end. */
export const WIKI_ERROR_CODES = {} as const;
