/** Where a page lives: shared by everyone, or in one user's overlay. */
export type WikiScope = 'global' | 'user';

/** One wiki page as read from disk, after front matter parsing. Plain data, safe to serialise. */
export interface WikiPage {
  /** Path-derived key: the file path below the scope folder without `.md`, e.g. `metrics/nrr`. */
  key: string;
  scope: WikiScope;
  /** Set for user pages: the `<id>` of `wiki/user/<id>/`. */
  userId?: string;
  /** Project-relative path with forward slashes, e.g. `wiki/global/metrics/nrr.md`. */
  path: string;
  /** Front matter `title`, else the first `# ` heading of the body, else the key. */
  title: string;
  summary?: string;
  tags: string[];
  /** Outgoing wiki keys: front matter `refs` followed by inline `[[key]]` links, without repeats. */
  refs: string[];
  /** Front matter `sl_refs`: `source`, `source.member`, or either prefixed by `connection/`. */
  slRefs: string[];
  /** Every front matter key as parsed, unknown ones included (empty when it does not parse). */
  frontMatter: Record<string, unknown>;
  /** The Markdown after the closing `---` (the whole text when there is no front matter). */
  body: string;
  /** sha256 (hex) of the file bytes, for incremental indexing. */
  contentHash: string;
  mtimeMs: number;
}
