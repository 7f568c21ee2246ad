import { z } from 'zod';
import { DEFAULT_MAX_ROWS, MAX_MAX_ROWS } from '../connectors/port.js';
import { KtxError } from '../core/index.js';
import { compileQuery, type SemanticQuery } from '../semantic/index.js';
import { defineTool } from './ktx-tool.js';
import { resolveConnection } from './resolve-connection.js';
import { capMarkdown, capRowsByChars, code, markdownTable } from './tool-text.js';

type QueryDimension = NonNullable<SemanticQuery['dimensions']>[number];

const GRAINS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
const GRAIN_SUFFIX = /^(.*):(hour|day|week|month|quarter|year)$/;

const measureInput = z.union([
  z.string().trim().min(1),
  z.object({ name: z.string().trim().min(1), expr: z.string().trim().min(1) }),
]);
const dimensionInput = z.union([
  z.string().trim().min(1),
  z.object({ field: z.string().trim().min(1), granularity: z.enum(GRAINS).optional() }),
]);

/** `orders.created_at:month` is how people (and the CLI) write a grain; accept it in a string too. */
function dimension(value: z.infer<typeof dimensionInput>): QueryDimension {
  if (typeof value !== 'string') return value;
  const match = GRAIN_SUFFIX.exec(value);
  return match ? { field: match[1]!, granularity: match[2] as (typeof GRAINS)[number] } : value;
}

export const slQueryTool = defineTool({
  name: 'sl_query',
  description: [
    'Answer a metric question with the approved semantic layer: ktx compiles measures, dimensions,',
    'filters and segments into SQL that is safe against fan-out and chasm traps, and runs it read-only.',
    'Prefer this over hand-written SQL whenever a measure exists (find one with discover_data).',
    'Measures are `source.measure` keys or ad hoc {"name", "expr"} such as {"name": "total", "expr": "sum(orders.amount)"};',
    'dimensions are `source.column`, with a time grain as "orders.created_at:month" or {"field", "granularity"};',
    'filters are SQL conditions over source.column or measure names. include: ["sql"] returns the SQL too;',
    'execute: false only compiles.',
    'Example: sl_query {"measures": ["orders.revenue"], "dimensions": ["customers.segment", "orders.created_at:month"], "filters": ["orders.status = \'paid\'"]}',
  ].join(' '),
  inputSchema: z.object({
    connectionId: z.string().optional(),
    measures: z.array(measureInput).max(50).default([]),
    dimensions: z.array(dimensionInput).max(20).default([]),
    filters: z.array(z.string().trim().min(1)).max(20).default([]),
    segments: z.array(z.string().trim().min(1)).max(20).default([]),
    order_by: z
      .array(z.object({ field: z.string().trim().min(1), direction: z.enum(['asc', 'desc']).optional() }))
      .max(20)
      .default([]),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_MAX_ROWS)
      .default(DEFAULT_MAX_ROWS)
      .describe('Row limit of the query'),
    include_empty: z.boolean().default(true).describe('Show dimension values that have no facts'),
    execute: z.boolean().default(true).describe('false: compile only, return no rows'),
    max_rows: z.number().int().min(1).max(MAX_MAX_ROWS).default(500).describe('Rows returned to you at most'),
    include: z
      .array(z.enum(['sql', 'plan']))
      .max(2)
      .default([]),
  }),
  annotations: { title: 'Semantic query', readOnlyHint: true, idempotentHint: true, openWorldHint: true },
  async execute(input, context) {
    if (input.measures.length === 0 && input.dimensions.length === 0) {
      throw new KtxError('tool_input_invalid', 'sl_query needs at least one measure or dimension.', {
        fix: 'Pass measures like ["orders.revenue"]; discover_data finds the measure keys.',
      });
    }
    const connection = resolveConnection(context, input.connectionId);
    const layer = await context.semanticLayer(connection.id);
    const query: SemanticQuery = {
      measures: input.measures,
      dimensions: input.dimensions.map(dimension),
      filters: input.filters,
      segments: input.segments,
      orderBy: input.order_by,
      limit: input.limit,
      includeEmpty: input.include_empty,
    };
    const compiled = compileQuery(layer.model, query);
    const headers = compiled.columns.map((column) => column.name);
    // The planner's notes say how fan-out and chasm traps were handled and where each filter went.
    const notes = [...compiled.plan.notes];
    const extras = {
      ...(input.include.includes('sql') ? { sql: compiled.sql } : {}),
      ...(input.include.includes('plan') ? { plan: compiled.plan } : {}),
    };
    const sqlBlock = input.include.includes('sql') ? ['', '```sql', compiled.sql, '```'] : [];
    const noteLines = notes.length ? ['', '**Notes**', ...notes.map((note) => `- ${note}`)] : [];
    if (!input.execute) {
      return {
        markdown: capMarkdown(
          [
            `Compiled for ${code(connection.id)} (${compiled.dialect}); not executed. Columns: ${headers.map(code).join(', ')}.`,
            ...noteLines,
            ...(sqlBlock.length ? sqlBlock : ['', '```sql', compiled.sql, '```']),
          ].join('\n'),
        ),
        structured: {
          connectionId: connection.id,
          dialect: compiled.dialect,
          mode: 'compile_only',
          headers,
          rows: [],
          totalRows: 0,
          notes,
          sql: compiled.sql,
          ...extras,
        },
      };
    }
    const maxRows = Math.min(input.max_rows, input.limit);
    const result = await context.query(connection.id, compiled.sql, { maxRows, signal: context.signal });
    if (result.columns.length !== headers.length) {
      throw new KtxError(
        'internal',
        `The compiled query returned ${result.columns.length} columns, expected ${headers.length}.`,
      );
    }
    const rows = capRowsByChars(result.rows);
    const truncated = result.truncated || rows.length < result.rows.length;
    if (truncated)
      notes.push(
        `Only the first ${rows.length} rows are returned; narrow the query, add filters or raise max_rows.`,
      );
    const markdown = [
      `${rows.length} row(s) from ${code(connection.id)}${truncated ? ' (truncated)' : ''}:`,
      '',
      markdownTable(headers, rows),
      ...(notes.length ? ['', '**Notes**', ...notes.map((note) => `- ${note}`)] : []),
      ...sqlBlock,
    ].join('\n');
    return {
      markdown: capMarkdown(markdown),
      structured: {
        connectionId: connection.id,
        dialect: compiled.dialect,
        mode: 'executed',
        headers,
        rows,
        totalRows: rows.length,
        truncated,
        elapsedMs: result.elapsedMs,
        notes,
        ...extras,
      },
    };
  },
});
