import { type Diagnostic, didYouMean } from '../../core/index.js';
import { measureDrafts } from './measure-drafts.js';
import type { OverlayInput } from './overlay-schema.js';
import { readColumnType } from './read-column-type.js';
import { mergeDescriptions, resolveDescription } from './resolve-description.js';
import type { ColumnDraft, JoinDraft, SourceDraft } from './source-draft.js';
import { siteAt, type YamlFile } from './yaml-file.js';
import { definedStrings, stringLists } from './yaml-values.js';

/**
 * Composes an overlay onto its manifest draft (spec §1.5, §1.9), with the reference's rules:
 * descriptions merge per origin; `exclude_columns` removes scanned columns; `column_overrides`
 * patch metadata of scanned columns (matched case-insensitively); `columns` adds computed columns
 * that may not reuse a scanned name; `measures` replaces the list; `segments` replaces it when
 * present (even empty); `grain` overrides; `joins` are unioned, de-duplicated on `to` plus the
 * whitespace-normalised `on`, after `disable_joins` removes scanned joins by their `on` text.
 * Problems are diagnostics; the offending entry is skipped and the rest still applies.
 */
export function composeOverlay(
  base: SourceDraft,
  overlay: OverlayInput,
  yaml: YamlFile,
): { draft: SourceDraft; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byLowerName = new Map(base.columns.map((column) => [column.name.toLowerCase(), column]));
  const find = (name: string) =>
    base.columns.find((column) => column.name === name) ?? byLowerName.get(name.toLowerCase());
  const baseNames = base.columns.map((column) => column.name);

  const excluded = new Set<ColumnDraft>();
  for (const [index, name] of (overlay.exclude_columns ?? []).entries()) {
    const column = find(name);
    if (column) excluded.add(column);
    else
      diagnostics.push({
        severity: 'warning',
        code: 'exclude-unknown-column',
        message: `\`${name}\` in exclude_columns is not a column of \`${base.name}\`${didYouMean(name, baseNames)}`,
        ...siteAt(yaml, ['exclude_columns', index]),
        fix: 'remove it, or name a scanned column',
      });
  }

  const patched = new Map<ColumnDraft, ColumnDraft>();
  for (const [index, override] of (overlay.column_overrides ?? []).entries()) {
    const site = siteAt(yaml, ['column_overrides', index]);
    const column = find(override.name);
    if (!column) {
      diagnostics.push({
        severity: 'error',
        code: 'override-unknown-column',
        message: `column override \`${override.name}\` matches no column of \`${base.name}\`${didYouMean(override.name, baseNames)}; it is skipped`,
        ...site,
        fix: 'name a scanned column, or add a computed column under `columns:` instead',
      });
      continue;
    }
    if (excluded.has(column)) {
      diagnostics.push({
        severity: 'error',
        code: 'override-excluded-column',
        message: `\`${column.name}\` is both excluded and overridden; the override is skipped`,
        ...site,
        fix: 'remove it from exclude_columns or from column_overrides',
      });
      continue;
    }
    const previous = patched.get(column) ?? column;
    const descriptions = mergeDescriptions(previous.descriptions, override.descriptions);
    patched.set(column, {
      ...previous,
      role: override.role ?? previous.role,
      visibility: override.visibility ?? previous.visibility,
      descriptions,
      description: resolveDescription(descriptions) ?? previous.description,
      metadata: {
        ...previous.metadata,
        constraints: override.constraints ?? previous.metadata.constraints,
        enumValues: stringLists(override.enum_values) ?? previous.metadata.enumValues,
        tests: override.tests ?? previous.metadata.tests,
      },
    });
  }

  const columns: ColumnDraft[] = base.columns
    .filter((column) => !excluded.has(column))
    .map((column) => patched.get(column) ?? column);
  for (const [index, column] of (overlay.columns ?? []).entries()) {
    const site = siteAt(yaml, ['columns', index]);
    const clash = find(column.name);
    if (clash) {
      diagnostics.push({
        severity: 'error',
        code: 'computed-column-collides',
        message: `computed column \`${column.name}\` reuses the scanned column \`${clash.name}\`; it is skipped`,
        ...site,
        fix: 'give the computed column a new name, or patch the scanned one under `column_overrides:`',
      });
      continue;
    }
    columns.push({
      name: column.name,
      type: readColumnType(yaml, ['columns', index, 'type'], column.type, diagnostics),
      role: column.role,
      visibility: column.visibility,
      expr: column.expr,
      descriptions: column.descriptions ?? {},
      description: resolveDescription(column.descriptions),
      metadata: { naturalGranularity: column.natural_granularity },
      site,
    });
  }

  const descriptions = mergeDescriptions(base.descriptions, overlay.descriptions);
  const draft: SourceDraft = {
    ...base,
    grain: overlay.grain ?? base.grain,
    grainSite: overlay.grain ? siteAt(yaml, ['grain']) : base.grainSite,
    columns,
    joins: composeJoins(base, overlay, yaml, diagnostics),
    measures: measureDrafts(overlay.measures, yaml),
    segments:
      overlay.segments == null
        ? base.segments
        : overlay.segments.map((segment, index) => ({
            name: segment.name,
            expr: segment.expr,
            description: resolveDescription(undefined, segment.description),
            site: siteAt(yaml, ['segments', index]),
          })),
    descriptions,
    description: resolveDescription(descriptions) ?? base.description,
    metadata: {
      ...base.metadata,
      defaultTimeDimension:
        definedStrings(overlay.default_time_dimension) ?? base.metadata.defaultTimeDimension,
      usage: overlay.usage ?? base.metadata.usage,
    },
    site: siteAt(yaml, []),
  };
  return { draft, diagnostics };
}

/** Collapses whitespace so `a =  b` and `a = b` name the same join. */
function normalizeOn(on: string): string {
  return on.replace(/\s+/g, ' ').trim();
}

function composeJoins(
  base: SourceDraft,
  overlay: OverlayInput,
  yaml: YamlFile,
  diagnostics: Diagnostic[],
): JoinDraft[] {
  const disabled = (overlay.disable_joins ?? []).map(normalizeOn);
  const scannedOn = base.joins.map((join) => normalizeOn(join.on));
  for (const [index, on] of disabled.entries()) {
    if (scannedOn.includes(on)) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'disable-join-unmatched',
      message: `disable_joins entry \`${on}\` matches no scanned join of \`${base.name}\`${didYouMean(on, scannedOn)}`,
      ...siteAt(yaml, ['disable_joins', index]),
      fix: 'copy the `on` text of the scanned join exactly (whitespace does not matter)',
    });
  }
  const kept = base.joins.filter((join) => !disabled.includes(normalizeOn(join.on)));
  const seen = new Map(kept.map((join) => [`${join.to}::${normalizeOn(join.on)}`, join]));
  const added: JoinDraft[] = [];
  for (const [index, join] of (overlay.joins ?? []).entries()) {
    const key = `${join.to}::${normalizeOn(join.on)}`;
    const existing = seen.get(key);
    if (existing) {
      // The reference keeps the scanned join; say so when the overlay meant to change it.
      if (existing.relationship !== join.relationship || existing.alias !== join.alias) {
        diagnostics.push({
          severity: 'warning',
          code: 'overlay-join-shadowed',
          message: `join to \`${join.to}\` on \`${join.on}\` repeats a scanned join, which wins (${existing.relationship}${existing.alias ? ` as ${existing.alias}` : ''})`,
          ...siteAt(yaml, ['joins', index]),
          fix: 'to change a scanned join, list its `on` under disable_joins and keep this entry',
        });
      }
      continue;
    }
    const draft: JoinDraft = {
      to: join.to,
      on: join.on,
      relationship: join.relationship,
      alias: join.alias,
      site: siteAt(yaml, ['joins', index]),
    };
    seen.set(key, draft);
    added.push(draft);
  }
  return [...kept, ...added];
}
