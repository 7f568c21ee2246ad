import type { SourceDraft } from './source-draft.js';

/**
 * The manifest entries a table reference names, as `inherits_columns_from` reads it (spec §1.2):
 * by bare entry name, then by full table path, then by dotted suffix of the table path (`orders`
 * or `public.orders` for `analytics.public.orders`), all case-insensitively. Returns the matches of
 * the first rule that has any, so an exact name never loses to a suffix.
 */
export function findManifestEntries(reference: string, manifest: readonly SourceDraft[]): SourceDraft[] {
  const wanted = reference.trim().toLowerCase();
  const exact = manifest.filter((entry) => entry.name === reference.trim());
  if (exact.length > 0) return exact;
  const byName = manifest.filter((entry) => entry.name.toLowerCase() === wanted);
  if (byName.length > 0) return byName;
  const tablePath = (entry: SourceDraft) =>
    entry.relation.kind === 'table' ? entry.relation.path.join('.').toLowerCase() : undefined;
  const byPath = manifest.filter((entry) => tablePath(entry) === wanted);
  if (byPath.length > 0) return byPath;
  return manifest.filter((entry) => tablePath(entry)?.endsWith(`.${wanted}`));
}
