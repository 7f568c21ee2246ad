/**
 * The front matter keys a page may carry and the shape each must have. The list is the reference's
 * (`summary`, `usage_mode`, `tags`, `refs`, `sl_refs`, `sort_order`, and the ingest provenance keys)
 * plus our `title`. Unknown keys are kept and reported as warnings, never dropped, so a page written
 * by a newer tool survives a round trip.
 */
export type FrontMatterShape =
  | 'string'
  | 'string-list'
  | 'number'
  | 'usage-mode'
  | 'mapping'
  | 'scalar'
  | 'list';

export const FRONT_MATTER_FIELDS: Readonly<Record<string, FrontMatterShape>> = {
  title: 'string',
  summary: 'string',
  usage_mode: 'usage-mode',
  tags: 'string-list',
  refs: 'string-list',
  sl_refs: 'string-list',
  sort_order: 'number',
  source: 'scalar',
  intent: 'scalar',
  tables: 'string-list',
  representative_sql: 'string',
  usage: 'mapping',
  fingerprints: 'string-list',
  stale_since: 'scalar',
  archived_since: 'scalar',
  external_refs: 'list',
};

export const USAGE_MODES = ['always', 'auto', 'never'] as const;

/** The reference's `wiki_write` caps summaries here; longer ones still load but are flagged. */
export const SUMMARY_MAX_LENGTH = 200;

/** Why `value` does not have `shape`, or undefined when it does. */
export function shapeProblem(shape: FrontMatterShape, value: unknown): string | undefined {
  switch (shape) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string (quote it)';
    case 'string-list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? undefined
        : 'must be a list of strings, e.g. [a, b]';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'usage-mode':
      return (USAGE_MODES as readonly unknown[]).includes(value)
        ? undefined
        : `must be one of ${USAGE_MODES.join(', ')}`;
    case 'mapping':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? undefined
        : 'must be a mapping of keys to values';
    case 'scalar':
      return value === null || typeof value === 'object' ? 'must be a single value' : undefined;
    case 'list':
      return Array.isArray(value) ? undefined : 'must be a list';
  }
}
