import { type Diagnostic, didYouMean } from '../../core/index.js';
import { checkSchema } from './check-schema.js';
import { type ManifestEntryInput, manifestEntrySchema } from './manifest-schema.js';
import { resolveDescription } from './resolve-description.js';
import { semanticColumnType } from './semantic-column-type.js';
import type { ColumnDraft, SourceDraft } from './source-draft.js';
import { splitTablePath } from './table-path.js';
import { siteAt, type YamlFile } from './yaml-file.js';
import { definedStrings, isMapping, stringLists } from './yaml-values.js';

const SHARD_KEYS = ['tables'];

/**
 * Tier 1 (spec §1.1): projects every `tables:` entry of a `_schema/*.yaml` shard into a draft source.
 * Grain is the `pk` columns, else every column; DB-native types become semantic types (unknown →
 * `string`) and time columns get `role: time`; join provenance (`source:`) is dropped.
 */
export function readManifestShard(yaml: YamlFile): { drafts: SourceDraft[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const value = yaml.value;
  if (!isMapping(value)) {
    diagnostics.push(notMapping(yaml, [], 'a manifest shard must be a mapping with a `tables:` key'));
    return { drafts: [], diagnostics };
  }
  for (const key of Object.keys(value).filter((key) => !SHARD_KEYS.includes(key))) {
    diagnostics.push({
      severity: 'warning',
      code: 'unknown-key',
      message: `unknown key \`${key}\` is ignored${didYouMean(key, SHARD_KEYS)}`,
      file: yaml.file,
      path: key,
      line: yaml.lineOf([], key),
      fix: 'manifest shards hold only `tables:`',
    });
  }
  const tables = value.tables ?? {};
  if (!isMapping(tables)) {
    diagnostics.push(notMapping(yaml, ['tables'], '`tables:` must map source names to table entries'));
    return { drafts: [], diagnostics };
  }
  const drafts: SourceDraft[] = [];
  for (const [name, entry] of Object.entries(tables)) {
    const checked = checkSchema({
      schema: manifestEntrySchema,
      yaml,
      value: entry,
      basePath: ['tables', name],
      unknownKeySeverity: 'warning',
      itemLists: ['columns', 'joins'],
      requiredKeys: ['table', 'columns'],
      subject: `manifest entry \`${name}\``,
    });
    diagnostics.push(...checked.diagnostics);
    if (!checked.value) continue;
    const draft = projectEntry(yaml, name, checked.value, diagnostics);
    if (draft) drafts.push(draft);
  }
  return { drafts, diagnostics };
}

function projectEntry(
  yaml: YamlFile,
  name: string,
  entry: ManifestEntryInput,
  diagnostics: Diagnostic[],
): SourceDraft | undefined {
  const base = ['tables', name];
  const path = splitTablePath(entry.table);
  if (!path) {
    diagnostics.push({
      severity: 'error',
      code: 'invalid-table',
      message: `\`${entry.table}\` is not a table name; manifest entry \`${name}\` is not loaded`,
      ...siteAt(yaml, [...base, 'table']),
      fix: 'write it as schema.table (quote parts that contain dots)',
    });
    return undefined;
  }
  const columns: ColumnDraft[] = entry.columns.map((column, index) => {
    const type = semanticColumnType(column.type) ?? 'string';
    return {
      name: column.name,
      type,
      role: type === 'time' ? 'time' : undefined,
      descriptions: column.descriptions ?? {},
      description: resolveDescription(column.descriptions, column.description),
      metadata: {
        nativeType: column.type,
        nullable: column.nullable,
        naturalGranularity: column.natural_granularity,
        constraints: column.constraints,
        enumValues: stringLists(column.enum_values),
        tests: column.tests,
      },
      site: siteAt(yaml, [...base, 'columns', index]),
    };
  });
  const keys = entry.columns.filter((column) => column.pk).map((column) => column.name);
  return {
    name,
    origin: 'manifest',
    relation: { kind: 'table', path },
    grain: keys.length > 0 ? keys : columns.map((column) => column.name),
    grainSite: siteAt(yaml, [...base, 'columns']),
    columns,
    joins: (entry.joins ?? []).map((join, index) => ({
      to: join.to,
      on: join.on,
      relationship: join.relationship,
      alias: join.alias,
      site: siteAt(yaml, [...base, 'joins', index]),
    })),
    measures: [],
    segments: [],
    descriptions: entry.descriptions ?? {},
    description: resolveDescription(entry.descriptions, entry.description),
    metadata: {
      tags: entry.tags,
      freshness: entry.freshness,
      defaultTimeDimension: definedStrings(entry.default_time_dimension),
      usage: entry.usage,
    },
    physicalColumns: columns.map((column) => column.name),
    site: siteAt(yaml, base),
  };
}

function notMapping(yaml: YamlFile, path: (string | number)[], message: string): Diagnostic {
  return {
    severity: 'error',
    code: 'not-a-mapping',
    message: `${message}; nothing in this file was loaded`,
    ...siteAt(yaml, path),
    fix: 'see the manifest format in docs/semantic-layer',
  };
}
