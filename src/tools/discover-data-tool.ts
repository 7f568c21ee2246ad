import { z } from 'zod';
import { SEARCH_KINDS, type SearchHit } from '../search/index.js';
import { defineTool } from './ktx-tool.js';
import { resolveConnection } from './resolve-connection.js';
import { capMarkdown, code } from './tool-text.js';

/** What to call next for each kind of hit, so a model moves from finding to answering. */
export function nextStep(hit: SearchHit): string {
  const connection = hit.connectionId ? `, "connectionId": "${hit.connectionId}"` : '';
  switch (hit.kind) {
    case 'wiki':
      return `wiki_read {"key": "${hit.key}"}`;
    case 'source':
      return `entity_details {"entities": ["${hit.key}"]${connection}}`;
    case 'measure':
      return `sl_query {"measures": ["${hit.key}"]${connection}}`;
    case 'dimension':
    case 'column':
      return `sl_query dimension "${hit.key}" (entity_details {"entities": ["${hit.key.split('.')[0]}"]} shows its source)`;
    case 'segment':
      return `sl_query {"segments": ["${hit.key}"], "measures": [...]}`;
    case 'value':
      return `filter on ${code(hit.key)} (dictionary_search gives the exact spelling)`;
  }
}

export const discoverDataTool = defineTool({
  name: 'discover_data',
  description: [
    'Search everything ktx knows at once — wiki pages (business definitions), semantic-layer sources,',
    'measures, dimensions, segments, scanned columns and sampled column values — ranked together.',
    'Start here for any data question: it tells you which approved measure or page to use and what to',
    'call next. Narrow with kinds when you know what you want.',
    'Example: discover_data {"query": "monthly revenue by customer segment", "limit": 8}',
  ].join(' '),
  inputSchema: z.object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .describe('Business words or identifiers, e.g. "net revenue retention"'),
    connectionId: z
      .string()
      .optional()
      .describe('Only this connection’s semantic layer and values (wiki pages are kept)'),
    kinds: z
      .array(z.enum(SEARCH_KINDS))
      .max(SEARCH_KINDS.length)
      .optional()
      .describe('Restrict to these kinds'),
    limit: z.number().int().min(1).max(50).default(10),
  }),
  annotations: { title: 'Discover data', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async execute(input, context) {
    if (input.connectionId !== undefined) resolveConnection(context, input.connectionId);
    const hits = await context.search({
      query: input.query,
      limit: input.limit,
      ...(input.kinds ? { kinds: input.kinds } : {}),
      ...(input.connectionId !== undefined ? { connectionId: input.connectionId } : {}),
    });
    if (hits.length === 0) {
      return {
        markdown: [
          `Nothing matches "${input.query}".`,
          'Try other words (a synonym, a table or column name), drop `kinds`, or list the semantic layer with',
          'entity_details on a source name from connection_list.',
        ].join(' '),
        structured: { query: input.query, hits: [] },
      };
    }
    const lines = hits.map((hit, index) => {
      const where = hit.connectionId ? ` · ${hit.connectionId}` : '';
      return [
        `${index + 1}. **${hit.kind}** ${code(hit.key)}${hit.title && hit.title !== hit.key ? ` — ${hit.title}` : ''}${where}`,
        hit.snippet ? `   ${hit.snippet.replace(/\s+/g, ' ')}` : undefined,
        `   → ${nextStep(hit)}`,
      ]
        .filter(Boolean)
        .join('\n');
    });
    return {
      markdown: capMarkdown([`${hits.length} result(s) for "${input.query}":`, '', ...lines].join('\n')),
      structured: { query: input.query, hits },
    };
  },
});
