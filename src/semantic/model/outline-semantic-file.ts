import { classifyFile, type FileKind } from './classify-file.js';
import type { SemanticLayerFile } from './load-semantic-model.js';
import type { SemanticParseCache } from './semantic-parse-cache.js';
import { parseYamlFile } from './yaml-file.js';
import { isMapping } from './yaml-values.js';

/** Which sources one file of a semantic layer can contribute to, read by the loader's own rules. */
export interface SemanticFileOutline {
  readonly kind: FileKind;
  /**
   * The source names the file declares: every `tables:` key of a manifest shard, the `name:` of an
   * authored file. Empty when the loader would skip the whole file (ignored, YAML error, no name).
   */
  readonly names: readonly string[];
  /**
   * A standalone source with `inherits_columns_from`: it is matched against every manifest entry
   * (by name, table path or suffix), so its source depends on all shards, not only same-named ones.
   */
  readonly readsManifest: boolean;
}

/**
 * The outline of one file, for callers that reload only some sources (the search index re-reads a
 * changed file's sources and the files they compose with). Loading every file that declares a set
 * of names — plus every shard when one of them reads the manifest — gives those sources exactly as
 * a load of the whole layer does (`loadSemanticModel` with `only`).
 */
export function outlineSemanticFile(
  file: SemanticLayerFile,
  cache?: SemanticParseCache,
): SemanticFileOutline {
  const kind = classifyFile(file.path);
  const none = { kind, names: [], readsManifest: false };
  if (kind === 'ignored') return none;
  const parsed = cache ? cache.parse(file.path, file.text) : parseYamlFile(file.path, file.text);
  if (!parsed.ok || !isMapping(parsed.yaml.value)) return none;
  const value = parsed.yaml.value;
  if (kind === 'manifest') {
    const tables = value.tables ?? {};
    return { ...none, names: isMapping(tables) ? Object.keys(tables) : [] };
  }
  const name = value.name;
  if (typeof name !== 'string' || !name.trim()) return none;
  const standalone = value.table != null || value.sql != null;
  return { kind, names: [name.trim()], readsManifest: standalone && value.inherits_columns_from != null };
}
