import { z } from 'zod';
import { MAX_MAX_ROWS } from '../connectors/port.js';
import { defineTool } from './ktx-tool.js';
import { resolveConnection } from './resolve-connection.js';
import { capMarkdown, capRowsByChars, code, markdownTable } from './tool-text.js';

export const sqlExecutionTool = defineTool({
  name: 'sql_execution',
  description: [
    'Run one read-only SQL statement on a connection and get the rows (capped). Only SELECT, WITH …',
    'SELECT, VALUES, EXPLAIN and metadata reads pass; anything that could write is refused before it',
    'reaches the database, and the session itself is read-only with a timeout.',
    'Use it for questions no measure answers, or to check data (distinct values, null counts); prefer',
    'sl_query when a measure exists. Write SQL in the connection’s dialect (connection_list shows it).',
    'Example: sql_execution {"sql": "select status, count(*) from orders group by status", "max_rows": 50}',
  ].join(' '),
  inputSchema: z.object({
    sql: z.string().trim().min(1).max(100_000),
    connectionId: z.string().optional(),
    max_rows: z.number().int().min(1).max(MAX_MAX_ROWS).default(200),
  }),
  annotations: { title: 'Read-only SQL', readOnlyHint: true, idempotentHint: true, openWorldHint: true },
  async execute(input, context) {
    const connection = resolveConnection(context, input.connectionId);
    const result = await context.query(connection.id, input.sql, {
      maxRows: input.max_rows,
      signal: context.signal,
    });
    const headers = result.columns.map((column) => column.name);
    const rows = capRowsByChars(result.rows);
    const truncated = result.truncated || rows.length < result.rows.length;
    const markdown = [
      `${rows.length} row(s) from ${code(connection.id)} in ${Math.round(result.elapsedMs)} ms${truncated ? ` (truncated at ${rows.length}; raise max_rows or aggregate)` : ''}:`,
      '',
      markdownTable(headers, rows),
    ].join('\n');
    return {
      markdown: capMarkdown(markdown),
      structured: {
        connectionId: connection.id,
        headers,
        headerTypes: result.columns.map((column) => column.type),
        rows,
        rowCount: rows.length,
        truncated,
        elapsedMs: Math.round(result.elapsedMs * 10) / 10,
      },
    };
  },
});
