import { type Diagnostic, didYouMean } from '../../core/index.js';
import type { DialectName } from '../../sql/index.js';
import { validateSemanticModel } from '../validate/validate-semantic-model.js';
import type { SourceDefinition } from '../validate/validation-context.js';
import { classifyFile } from './classify-file.js';
import { composeOverlay } from './compose-overlay.js';
import { findManifestEntries } from './find-manifest-entry.js';
import { inheritColumns } from './inherit-columns.js';
import type { OverlayInput } from './overlay-schema.js';
import { readManifestShard } from './read-manifest-shard.js';
import { readOverlay } from './read-overlay.js';
import { readStandaloneSource } from './read-standalone-source.js';
import { resolveDraft } from './resolve-draft.js';
import type { SemanticModel, SemanticSource } from './semantic-model.js';
import type { SemanticParseCache } from './semantic-parse-cache.js';
import type { SourceDraft } from './source-draft.js';
import { parseYamlFile, siteAt, type YamlFile } from './yaml-file.js';
import { isMapping } from './yaml-values.js';

export interface SemanticLayerFile {
  /** Project-relative, e.g. `semantic-layer/warehouse/orders.yaml` or `…/_schema/public.yaml`. */
  readonly path: string;
  readonly text: string;
}

export interface LoadSemanticModelOptions {
  readonly dialect: DialectName;
  /** Sources just written or edited; enables the write-time checks of `validateSemanticModel`. */
  readonly recentlyTouched?: readonly string[];
  /**
   * Load only these sources: manifest-shard entries of other names are not read (unless an authored
   * file uses `inherits_columns_from`, which is matched against every entry). For callers that pass
   * just the files declaring these names (see `outlineSemanticFile`), such as the search index. The
   * sources come out as in a whole load except `physicalColumns` of a standalone table source, which
   * it learns from whichever shards were passed; the diagnostics cover only what was loaded. Such a
   * partial model is for reading definitions, not for compiling queries.
   */
  readonly only?: ReadonlySet<string>;
  /** Parses shared with earlier calls (same path and text → parsed once). */
  readonly parseCache?: SemanticParseCache;
}

export interface LoadedSemanticModel {
  readonly model: SemanticModel;
  /** Loading findings by file and line, then validation findings in rule order. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Loads one connection's semantic layer from its files (the caller reads them; this stays pure):
 * tier 1 `_schema/*.yaml` manifest shards, then tier 2 authored files, standalone sources (with
 * `table:`/`sql:`) replacing manifest entries and overlays composing onto them (spec §1.1). Then runs
 * `validateSemanticModel`. Never throws on content: every problem is a diagnostic, the broken file,
 * source or entry is left out, and everything else loads.
 */
export function loadSemanticModel(
  files: readonly SemanticLayerFile[],
  options: LoadSemanticModelOptions,
): LoadedSemanticModel {
  const diagnostics: Diagnostic[] = [];
  const definitions: SourceDefinition[] = [];
  const shards: YamlFile[] = [];
  const authored: YamlFile[] = [];
  for (const file of [...files].sort((left, right) => compare(left.path, right.path))) {
    const kind = classifyFile(file.path);
    if (kind === 'ignored') continue;
    const parsed = options.parseCache
      ? options.parseCache.parse(file.path, file.text)
      : parseYamlFile(file.path, file.text);
    if (!parsed.ok) diagnostics.push(...parsed.diagnostics);
    else if (parsed.yaml.value == null) diagnostics.push(emptyFile(file.path));
    else (kind === 'manifest' ? shards : authored).push(parsed.yaml);
  }

  // Tier 1: the first entry of a name wins; duplicates are reported by validation.
  const manifest = new Map<string, SourceDraft>();
  const only = options.only && !authored.some(readsManifest) ? options.only : undefined;
  for (const yaml of shards) {
    const read = readManifestShard(only ? onlyEntries(yaml, only) : yaml);
    diagnostics.push(...read.diagnostics);
    for (const draft of read.drafts) {
      definitions.push({ name: draft.name, kind: 'manifest', site: draft.site });
      if (!manifest.has(draft.name)) manifest.set(draft.name, draft);
    }
  }

  // Tier 2: standalone sources first, so overlays can tell a manifest entry from a replaced one.
  const standalone = new Map<string, SourceDraft>();
  const overlays: { yaml: YamlFile; overlay: OverlayInput }[] = [];
  for (const yaml of authored) {
    const name = declaredName(yaml, diagnostics);
    if (name === undefined) continue;
    const value = yaml.value as Record<string, unknown>;
    if (value.table != null || value.sql != null) {
      const read = readStandaloneSource(yaml);
      diagnostics.push(...read.diagnostics);
      if (!read.draft) continue;
      definitions.push({ name, kind: 'standalone', site: read.draft.site });
      if (standalone.has(name)) continue;
      let draft = read.draft;
      if (read.inheritsFrom) {
        const inherited = inheritColumns(
          draft,
          read.inheritsFrom,
          [...manifest.values()],
          siteAt(yaml, ['inherits_columns_from']),
        );
        diagnostics.push(...inherited.diagnostics);
        draft = inherited.draft;
      } else if (draft.relation.kind === 'table') {
        draft = withPhysicalColumns(draft, [...manifest.values()]);
      }
      standalone.set(name, draft);
    } else {
      const read = readOverlay(yaml);
      diagnostics.push(...read.diagnostics);
      if (!read.overlay) continue;
      definitions.push({ name, kind: 'overlay', site: siteAt(yaml, []) });
      overlays.push({ yaml, overlay: read.overlay });
    }
  }

  const drafts = new Map(manifest);
  for (const [name, draft] of standalone) {
    const replaced = manifest.get(name);
    if (replaced) diagnostics.push(replacesManifest(draft, replaced));
    drafts.set(name, draft);
  }
  const composed = new Set<string>();
  for (const { yaml, overlay } of overlays) {
    const base = manifest.get(overlay.name);
    if (standalone.has(overlay.name)) {
      diagnostics.push(overlayOnStandalone(yaml, overlay.name, standalone.get(overlay.name)!));
    } else if (!base) {
      diagnostics.push(orphanOverlay(yaml, overlay.name, [...manifest.keys()]));
    } else if (!composed.has(overlay.name)) {
      const result = composeOverlay(base, overlay, yaml);
      diagnostics.push(...result.diagnostics);
      drafts.set(overlay.name, result.draft);
      composed.add(overlay.name);
    }
  }

  const sources = new Map<string, SemanticSource>();
  for (const [name, draft] of drafts) {
    const resolved = resolveDraft(draft, options.dialect);
    diagnostics.push(...resolved.diagnostics);
    sources.set(name, resolved.source);
  }
  const model: SemanticModel = { dialect: options.dialect, sources };
  const validation = validateSemanticModel(model, { definitions, recentlyTouched: options.recentlyTouched });
  return { model, diagnostics: [...inFileOrder(diagnostics), ...validation] };
}

/** Loading findings grouped by file (in path order) and by line within a file; stable otherwise. */
function inFileOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const last = '\u{10ffff}';
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (left, right) =>
        compare(left.diagnostic.file ?? last, right.diagnostic.file ?? last) ||
        (left.diagnostic.line ?? 0) - (right.diagnostic.line ?? 0) ||
        left.index - right.index,
    )
    .map((entry) => entry.diagnostic);
}

// Code-point order, so the load order (and "first one wins") never depends on the locale.
function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function declaredName(yaml: YamlFile, diagnostics: Diagnostic[]): string | undefined {
  if (!isMapping(yaml.value)) {
    diagnostics.push({
      severity: 'error',
      code: 'not-a-mapping',
      message: 'a source file must be a mapping (name:, table:/sql:, columns: …); the file is not loaded',
      ...siteAt(yaml, []),
      fix: 'see the source format in docs/semantic-layer',
    });
    return undefined;
  }
  const name = yaml.value.name;
  if (typeof name === 'string' && name.trim()) return name.trim();
  diagnostics.push({
    severity: 'error',
    code: 'missing-name',
    message:
      'the file has no `name:`; a source is identified by its name, not its filename, so it is not loaded',
    ...siteAt(yaml, name === undefined ? [] : ['name']),
    fix: 'add `name: <source_name>` at the top',
  });
  return undefined;
}

/** A standalone source that inherits columns reads every manifest entry to find its match. */
function readsManifest(yaml: YamlFile): boolean {
  const value = yaml.value;
  return (
    isMapping(value) && (value.table != null || value.sql != null) && value.inherits_columns_from != null
  );
}

/** The shard with only the named `tables:` entries; each entry is read on its own, so they read alike. */
function onlyEntries(yaml: YamlFile, names: ReadonlySet<string>): YamlFile {
  const value = yaml.value;
  if (!isMapping(value) || !isMapping(value.tables)) return yaml;
  const tables = Object.fromEntries(Object.entries(value.tables).filter(([name]) => names.has(name)));
  return { ...yaml, value: { ...value, tables } };
}

/** A table source whose table is a scanned one learns its physical columns (for reference checks). */
function withPhysicalColumns(draft: SourceDraft, manifest: readonly SourceDraft[]): SourceDraft {
  if (draft.relation.kind !== 'table') return draft;
  const matches = findManifestEntries(draft.relation.path.join('.'), manifest).filter(
    (entry) => entry.relation.kind === 'table',
  );
  return matches.length === 1 ? { ...draft, physicalColumns: matches[0]!.physicalColumns } : draft;
}

function emptyFile(file: string): Diagnostic {
  return {
    severity: 'info',
    code: 'empty-file',
    message: 'the file is empty and was skipped',
    file,
    line: 1,
    fix: 'delete it, or add a source',
  };
}

function replacesManifest(draft: SourceDraft, replaced: SourceDraft): Diagnostic {
  return {
    severity: 'warning',
    code: 'standalone-replaces-manifest',
    message: `standalone source \`${draft.name}\` replaces the scanned table of the same name (${replaced.site.file}); its scanned columns and joins are not used`,
    ...draft.site,
    fix: 'to add measures or descriptions to a scanned table, write an overlay: drop `table:`/`sql:`, `grain:`, `columns:` and keep `name:` plus measures/segments/descriptions',
  };
}

function overlayOnStandalone(yaml: YamlFile, name: string, target: SourceDraft): Diagnostic {
  return {
    severity: 'warning',
    code: 'overlay-on-standalone',
    message: `overlay \`${name}\` is skipped: \`${name}\` is the standalone source in ${target.site.file}, and overlays apply only to scanned tables`,
    ...siteAt(yaml, ['name']),
    fix: `move these keys into ${target.site.file}`,
  };
}

function orphanOverlay(yaml: YamlFile, name: string, manifestNames: readonly string[]): Diagnostic {
  return {
    severity: 'warning',
    code: 'orphan-overlay',
    message: `overlay \`${name}\` matches no scanned table${didYouMean(name, manifestNames)}; it is skipped`,
    ...siteAt(yaml, ['name']),
    fix: 'rename it to a table of `_schema/`, run `ktx scan` if the table is new, or make it a standalone source with `table:` or `sql:`',
  };
}
