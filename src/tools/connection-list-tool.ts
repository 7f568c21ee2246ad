import { z } from 'zod';
import { defineTool } from './ktx-tool.js';
import { code, markdownTable } from './tool-text.js';

export const connectionListTool = defineTool({
  name: 'connection_list',
  description: [
    'List the warehouse connections of this ktx project: id, engine (driver and SQL dialect), scope and',
    'description, with how many semantic-layer sources and measures each has.',
    'Use it first when you do not know which connectionId to pass; with a single connection every other',
    'tool picks it by itself. Example: connection_list {}',
  ].join(' '),
  inputSchema: z.object({}),
  annotations: { title: 'List connections', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async execute(_input, context) {
    const connections = await Promise.all(
      context.connections().map(async (connection) => {
        // A broken semantic layer must not hide the connection itself.
        const layer = await context.semanticLayer(connection.id).catch(() => undefined);
        const sources = layer ? [...layer.model.sources.values()] : [];
        return {
          id: connection.id,
          driver: connection.driver,
          dialect: connection.dialect,
          ...(connection.description ? { description: connection.description } : {}),
          ...(connection.schemas?.length ? { schemas: [...connection.schemas] } : {}),
          sources: sources.length,
          measures: sources.reduce((total, source) => total + source.measures.length, 0),
        };
      }),
    );
    const markdown =
      connections.length === 0
        ? 'No connections are configured. Ask the user to run `ktx setup --database <driver> --database-url <url>`.'
        : [
            `${connections.length} connection(s):`,
            '',
            markdownTable(
              ['id', 'engine', 'sources', 'measures', 'description'],
              connections.map((each) => [
                each.id,
                each.driver === each.dialect ? each.driver : `${each.driver} (${each.dialect})`,
                each.sources,
                each.measures,
                each.description ?? '',
              ]),
            ),
            '',
            `Next: discover_data {"query": "<business question words>"} to find measures and tables${connections.length > 1 ? `, with connectionId such as ${code(connections[0]!.id)}` : ''}.`,
          ].join('\n');
    return { markdown, structured: { connections } };
  },
});
