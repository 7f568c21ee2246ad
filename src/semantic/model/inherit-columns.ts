import { closestNames, type Diagnostic } from '../../core/index.js';
import { findManifestEntries } from './find-manifest-entry.js';
import { resolveDescription } from './resolve-description.js';
import type { DefinitionSite } from './semantic-model.js';
import type { ColumnDraft, SourceDraft } from './source-draft.js';

/**
 * Applies `inherits_columns_from` (spec §1.2): each declared column that has no `type`, no
 * descriptions or no `role` takes them from the same-named column of the matched manifest entry.
 * Local values always win and columns are never added. A reference matching no entry, or several,
 * is a warning and the columns stay as written. A table source also learns its physical columns.
 */
export function inheritColumns(
  draft: SourceDraft,
  reference: string,
  manifest: readonly SourceDraft[],
  site: DefinitionSite,
): { draft: SourceDraft; diagnostics: Diagnostic[] } {
  const matches = findManifestEntries(reference, manifest);
  if (matches.length !== 1) {
    const candidates =
      matches.length > 1
        ? matches.map((entry) => entry.name)
        : closestNames(reference, [...manifest.map((entry) => entry.name)]);
    return {
      draft,
      diagnostics: [
        {
          severity: 'warning',
          code: matches.length > 1 ? 'inherits-ambiguous' : 'inherits-unmatched',
          message:
            matches.length > 1
              ? `inherits_columns_from \`${reference}\` matches several manifest entries (${candidates.join(', ')}); columns are left as written`
              : `inherits_columns_from \`${reference}\` matches no manifest entry${candidates.length > 0 ? ` (did you mean ${candidates.map((name) => `\`${name}\``).join(' or ')}?)` : ''}; columns are left as written`,
          ...site,
          fix: 'name a manifest entry, its full table path (schema.table), or a unique suffix of it',
        },
      ],
    };
  }
  const entry = matches[0]!;
  const byName = new Map(entry.columns.map((column) => [column.name, column]));
  const byLowerName = new Map(entry.columns.map((column) => [column.name.toLowerCase(), column]));
  const columns = draft.columns.map((column): ColumnDraft => {
    const base = byName.get(column.name) ?? byLowerName.get(column.name.toLowerCase());
    if (!base) return column;
    const hasDescriptions = Object.values(column.descriptions).some((text) => text?.trim());
    const descriptions = hasDescriptions ? column.descriptions : base.descriptions;
    return {
      ...column,
      type: column.type ?? base.type,
      role: column.role ?? base.role,
      descriptions,
      description: column.description ?? resolveDescription(descriptions) ?? base.description,
      metadata: { ...base.metadata, ...definedOnly(column.metadata) },
    };
  });
  const physicalColumns = draft.relation.kind === 'table' ? entry.physicalColumns : draft.physicalColumns;
  return { draft: { ...draft, columns, physicalColumns }, diagnostics: [] };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
