import type { Diagnostic } from '../../core/index.js';
import { checkSchema } from './check-schema.js';
import { measureDrafts } from './measure-drafts.js';
import { readColumnType } from './read-column-type.js';
import { resolveDescription } from './resolve-description.js';
import type { SemanticSource } from './semantic-model.js';
import type { SourceDraft } from './source-draft.js';
import { type StandaloneSourceInput, standaloneSourceSchema } from './source-schema.js';
import { sqlProjection } from './sql-projection.js';
import { splitTablePath } from './table-path.js';
import { siteAt, type YamlFile } from './yaml-file.js';
import { definedStrings, stringLists } from './yaml-values.js';

const OVERLAY_ONLY = 'overlay-only key: a standalone source lists its columns and joins directly';

const KEY_HINTS: Readonly<Record<string, string>> = {
  column_overrides: OVERLAY_ONLY,
  exclude_columns: OVERLAY_ONLY,
  disable_joins: OVERLAY_ONLY,
};

export interface StandaloneRead {
  readonly draft?: SourceDraft;
  /** The manifest reference of `inherits_columns_from`, applied by the loader once shards are read. */
  readonly inheritsFrom?: string;
  readonly diagnostics: Diagnostic[];
}

/** Tier 2 (spec §1.2): a file with `table:` or `sql:` becomes a standalone source draft. */
export function readStandaloneSource(yaml: YamlFile): StandaloneRead {
  const declaredName = (yaml.value as { name?: unknown }).name;
  const checked = checkSchema({
    schema: standaloneSourceSchema,
    yaml,
    value: yaml.value,
    basePath: [],
    unknownKeySeverity: 'error',
    itemLists: ['columns', 'joins', 'measures', 'segments'],
    requiredKeys: ['name', 'grain', 'columns', 'table', 'sql'],
    keyHints: KEY_HINTS,
    subject: typeof declaredName === 'string' ? `source \`${declaredName}\`` : 'this source',
  });
  const diagnostics = checked.diagnostics;
  const input = checked.value;
  if (!input) return { diagnostics };
  const relation = readRelation(yaml, input, diagnostics);
  if (!relation) return { diagnostics };
  if (input.source_type && input.source_type !== relation.kind) {
    diagnostics.push({
      severity: 'warning',
      code: 'source-type-mismatch',
      message: `\`source_type: ${input.source_type}\` does not match the source, which has \`${relation.kind}:\``,
      ...siteAt(yaml, ['source_type']),
      fix: `set source_type to ${relation.kind} or remove it (it is documentation only)`,
    });
  }
  const draft: SourceDraft = {
    name: input.name,
    origin: 'standalone',
    relation,
    grain: input.grain,
    grainSite: siteAt(yaml, ['grain']),
    columns: input.columns.map((column, index) => ({
      name: column.name,
      type:
        column.type === undefined
          ? undefined
          : readColumnType(yaml, ['columns', index, 'type'], column.type, diagnostics),
      role: column.role,
      visibility: column.visibility,
      expr: column.expr,
      descriptions: column.descriptions ?? {},
      description: resolveDescription(column.descriptions, column.description),
      metadata: {
        nullable: column.nullable,
        naturalGranularity: column.natural_granularity,
        constraints: column.constraints,
        enumValues: stringLists(column.enum_values),
        tests: column.tests,
      },
      site: siteAt(yaml, ['columns', index]),
    })),
    joins: (input.joins ?? []).map((join, index) => ({
      to: join.to,
      on: join.on,
      relationship: join.relationship,
      alias: join.alias,
      site: siteAt(yaml, ['joins', index]),
    })),
    measures: measureDrafts(input.measures, yaml),
    segments: (input.segments ?? []).map((segment, index) => ({
      name: segment.name,
      expr: segment.expr,
      description: resolveDescription(undefined, segment.description),
      site: siteAt(yaml, ['segments', index]),
    })),
    descriptions: input.descriptions ?? {},
    description: resolveDescription(input.descriptions, input.description),
    metadata: {
      tags: input.tags,
      freshness: input.freshness,
      defaultTimeDimension: definedStrings(input.default_time_dimension),
      usage: input.usage,
    },
    physicalColumns: relation.kind === 'sql' ? sqlProjection(relation.sql)?.columns : undefined,
    site: siteAt(yaml, []),
  };
  return { draft, inheritsFrom: input.inherits_columns_from, diagnostics };
}

function readRelation(
  yaml: YamlFile,
  input: StandaloneSourceInput,
  diagnostics: Diagnostic[],
): SemanticSource['relation'] | undefined {
  if (input.table !== undefined && input.sql !== undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'table-and-sql',
      message: `source \`${input.name}\` has both \`table:\` and \`sql:\`; it is not loaded`,
      ...siteAt(yaml, ['sql']),
      fix: 'keep exactly one: `table:` for a physical table, `sql:` for a query',
    });
    return undefined;
  }
  if (input.sql !== undefined) return { kind: 'sql', sql: input.sql };
  const path = splitTablePath(input.table ?? '');
  if (path) return { kind: 'table', path };
  diagnostics.push({
    severity: 'error',
    code: 'invalid-table',
    message: `\`${input.table}\` is not a table name; source \`${input.name}\` is not loaded`,
    ...siteAt(yaml, ['table']),
    fix: 'write it as schema.table (quote parts that contain dots)',
  });
  return undefined;
}
