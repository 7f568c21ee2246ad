import { z } from 'zod';
import { closestNames, KtxError } from '../core/index.js';
import type { ColumnProfile, TableProfile } from '../scan/index.js';
import type { SemanticModel, SemanticSource } from '../semantic/index.js';
import { printExpr } from '../sql/index.js';
import { defineTool } from './ktx-tool.js';
import { resolveConnection } from './resolve-connection.js';
import { capMarkdown, code, markdownTable } from './tool-text.js';

const SAMPLE_VALUES = 5;

/** A source by its name, its table name or dotted table path, or `source.column`; case-insensitive fallback. */
function findSource(model: SemanticModel, name: string): SemanticSource | undefined {
  const sources = [...model.sources.values()];
  const exact = model.sources.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  const byTable = (source: SemanticSource) =>
    source.relation.kind === 'table' &&
    (source.relation.path.join('.').toLowerCase() === lower ||
      source.relation.path.at(-1)?.toLowerCase() === lower);
  return (
    sources.find((source) => source.name.toLowerCase() === lower) ??
    sources.find(byTable) ??
    (name.includes('.') ? findSource(model, name.slice(0, name.lastIndexOf('.'))) : undefined)
  );
}

/**
 * An expression as SQL of the connection's dialect; a definition the dialect cannot print (median on
 * SQLite) is shown in DuckDB's spelling, marked, rather than failing the whole description.
 */
function printDefinition(expr: Parameters<typeof printExpr>[0], dialect: SemanticModel['dialect']): string {
  try {
    return printExpr(expr, dialect);
  } catch {
    try {
      return `${printExpr(expr, 'duckdb')} (not expressible in ${dialect})`;
    } catch {
      return `(not expressible in ${dialect})`;
    }
  }
}

function sampleValues(profile: ColumnProfile | undefined): string {
  if (!profile) return '';
  return profile.top
    .slice(0, SAMPLE_VALUES)
    .map((entry) => (entry.value === null ? 'NULL' : String(entry.value)))
    .join(', ');
}

function describeSource(
  source: SemanticSource,
  dialect: SemanticModel['dialect'],
  profile: TableProfile | undefined,
) {
  const profiles = new Map(profile?.columns.map((column) => [column.name.toLowerCase(), column]));
  const show = (expr: Parameters<typeof printExpr>[0]) => printDefinition(expr, dialect);
  return {
    name: source.name,
    ...(source.relation.kind === 'table'
      ? { table: source.relation.path.join('.') }
      : { sql: source.relation.sql }),
    ...(source.description ? { description: source.description } : {}),
    ...(source.file ? { file: source.file } : {}),
    grain: [...source.grain],
    ...(profile?.rowCount != null ? { rowCount: profile.rowCount } : {}),
    columns: source.columns
      .filter((column) => column.visibility !== 'hidden')
      .map((column) => {
        const profiled = profiles.get(column.name.toLowerCase());
        return {
          name: column.name,
          type: column.type,
          ...(column.role === 'time' ? { role: 'time' } : {}),
          ...(column.metadata?.nativeType ? { nativeType: column.metadata.nativeType } : {}),
          ...(column.metadata?.nullable !== undefined ? { nullable: column.metadata.nullable } : {}),
          ...(column.description ? { description: column.description } : {}),
          ...(column.expr ? { expr: show(column.expr) } : {}),
          ...(profiled
            ? {
                distinct: profiled.distinct,
                nullRate: profiled.nullRate,
                sampleValues: profiled.top.slice(0, SAMPLE_VALUES).map((entry) => entry.value),
              }
            : {}),
        };
      }),
    joins: source.joins.map((join) => ({
      to: join.to,
      ...(join.alias ? { alias: join.alias } : {}),
      relationship: join.relationship,
      on: join.on ?? join.keys.map((key) => `${key.from} = ${join.alias ?? join.to}.${key.to}`).join(' AND '),
    })),
    measures: source.measures.map((measure) => ({
      name: `${source.name}.${measure.name}`,
      expr: show(measure.expr),
      ...(measure.filter ? { filter: show(measure.filter) } : {}),
      ...(measure.segments.length ? { segments: [...measure.segments] } : {}),
      ...(measure.window ? { window: measure.window.kind } : {}),
      ...(measure.description ? { description: measure.description } : {}),
    })),
    segments: source.segments.map((segment) => ({
      name: `${source.name}.${segment.name}`,
      expr: show(segment.expr),
      ...(segment.description ? { description: segment.description } : {}),
    })),
    profiles: profiles.size > 0,
    sampleValues: Object.fromEntries(
      source.columns.flatMap((column) => {
        const values = sampleValues(profiles.get(column.name.toLowerCase()));
        return values ? [[column.name, values]] : [];
      }),
    ),
  };
}

type Described = ReturnType<typeof describeSource>;

function render(entity: Described): string {
  const { sampleValues: samples, ...rest } = entity;
  const lines = [
    `## ${code(rest.name)}${'table' in rest && rest.table ? ` (table ${code(rest.table)})` : ' (SQL source)'}`,
  ];
  if (rest.description) lines.push('', rest.description);
  lines.push(
    '',
    `Grain: ${rest.grain.map(code).join(', ')}${rest.rowCount != null ? ` · about ${rest.rowCount} rows` : ''}`,
    '',
    markdownTable(
      ['column', 'type', 'description', 'sample values'],
      rest.columns.map((column) => [
        column.name,
        `${column.type}${'role' in column && column.role ? ' (time)' : ''}${column.nativeType ? ` · ${column.nativeType}` : ''}`,
        column.description ?? ('expr' in column ? `= ${column.expr}` : ''),
        samples[column.name] ?? '',
      ]),
      200,
    ),
  );
  if (rest.joins.length > 0) {
    lines.push(
      '',
      '**Joins**',
      ...rest.joins.map((join) => `- ${code(join.alias ?? join.to)} ${join.relationship}: ${join.on}`),
    );
  }
  if (rest.measures.length > 0) {
    lines.push(
      '',
      '**Measures** (use these in sl_query)',
      ...rest.measures.map(
        (measure) =>
          `- ${code(measure.name)} = ${measure.expr}${measure.filter ? ` where ${measure.filter}` : ''}${measure.description ? ` — ${measure.description}` : ''}`,
      ),
    );
  }
  if (rest.segments.length > 0) {
    lines.push(
      '',
      '**Segments**',
      ...rest.segments.map((segment) => `- ${code(segment.name)}: ${segment.expr}`),
    );
  }
  if (!rest.profiles) lines.push('', '_No scan profile yet: `ktx scan` adds row counts and sample values._');
  return lines.join('\n');
}

export const entityDetailsTool = defineTool({
  name: 'entity_details',
  description: [
    'Describe semantic-layer sources or warehouse tables: columns with types, descriptions and sampled',
    'values, the grain, joins to other sources, approved measures and segments.',
    'Use it after discover_data to learn exact column and measure names before writing sl_query or SQL.',
    'Entities are source names, table names or `source.column`.',
    'Example: entity_details {"entities": ["orders", "customers"]}',
  ].join(' '),
  inputSchema: z.object({
    entities: z.array(z.string().trim().min(1)).min(1).max(20).describe('Source or table names'),
    connectionId: z.string().optional(),
  }),
  annotations: { title: 'Entity details', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async execute(input, context) {
    const connection = resolveConnection(context, input.connectionId);
    const layer = await context.semanticLayer(connection.id);
    const found: Described[] = [];
    const missing: { name: string; suggestions: string[] }[] = [];
    const seen = new Set<string>();
    const candidates = [...layer.model.sources.values()].flatMap((source) =>
      source.relation.kind === 'table' ? [source.name, source.relation.path.join('.')] : [source.name],
    );
    for (const name of input.entities) {
      const source = findSource(layer.model, name);
      if (!source) {
        missing.push({ name, suggestions: closestNames(name, new Set(candidates)) });
        continue;
      }
      if (seen.has(source.name)) continue;
      seen.add(source.name);
      const profile =
        source.relation.kind === 'table'
          ? context.tableProfile(connection.id, source.relation.path)
          : undefined;
      found.push(describeSource(source, layer.model.dialect, profile));
    }
    const misses = missing.map(
      (miss) =>
        `No source or table ${code(miss.name)} in ${connection.id}${miss.suggestions.length ? ` (did you mean ${miss.suggestions.map(code).join(', ')}?)` : ''}.`,
    );
    if (found.length === 0) {
      throw new KtxError('entity_not_found', misses.join(' '), {
        fix: 'Call discover_data with the business words, or connection_list to see what the connection has.',
        data: { missing },
      });
    }
    const markdown = [...found.map(render), ...misses].join('\n\n');
    return {
      markdown: capMarkdown(markdown),
      structured: {
        connectionId: connection.id,
        entities: found.map(({ sampleValues: _samples, profiles: _profiles, ...entity }) => entity),
        missing,
      },
    };
  },
});
