import { z } from 'zod';
import { defineTool } from './ktx-tool.js';
import { resolveConnection } from './resolve-connection.js';
import type { ToolContext } from './tool-context.js';
import { capMarkdown, code } from './tool-text.js';

interface ValueMatch {
  connectionId: string;
  /** `table.column` */
  column: string;
  /** The value as stored (exact spelling to use in a filter). */
  matchedValue: string;
  match: 'exact' | 'case-insensitive' | 'partial';
  /** Sampled rows holding it, and distinct values of the column in the sample. */
  count?: number;
  distinct?: number;
}

const RANK = { exact: 0, 'case-insensitive': 1, partial: 2 } as const;

/** Confirms a search hit against the profile's sampled values and says how well each one matches. */
function confirm(context: ToolContext, connectionId: string, key: string, wanted: string): ValueMatch[] {
  const dot = key.lastIndexOf('.');
  const table = key.slice(0, dot);
  const columnName = key.slice(dot + 1);
  const profile = context.tableProfile(connectionId, table.split('.'));
  const column = profile?.columns.find((each) => each.name === columnName);
  if (!column) return [];
  const lower = wanted.toLowerCase();
  const matches: ValueMatch[] = [];
  for (const entry of column.top) {
    if (entry.value === null) continue;
    const text = String(entry.value);
    const match =
      text === wanted
        ? 'exact'
        : text.toLowerCase() === lower
          ? 'case-insensitive'
          : text.toLowerCase().includes(lower)
            ? 'partial'
            : undefined;
    if (match)
      matches.push({
        connectionId,
        column: key,
        matchedValue: text,
        match,
        count: entry.count,
        distinct: column.distinct,
      });
  }
  return matches;
}

export const dictionarySearchTool = defineTool({
  name: 'dictionary_search',
  description: [
    'Find which column holds a business value ("Acme Corp", "enterprise", "DE") and its exact stored',
    'spelling, from the values sampled by `ktx scan`. Use it before filtering on a name the user typed,',
    'so the filter matches what is in the data. Only sampled values are known: a miss does not prove the',
    'value is absent (check with sql_execution).',
    'Example: dictionary_search {"values": ["enterprise", "Germany"]}',
  ].join(' '),
  inputSchema: z.object({
    values: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    connectionId: z.string().optional(),
  }),
  annotations: { title: 'Dictionary search', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async execute(input, context) {
    if (input.connectionId !== undefined) resolveConnection(context, input.connectionId);
    const results = await Promise.all(
      input.values.map(async (value) => {
        const hits = await context.search({
          query: value,
          kinds: ['value'],
          limit: 10,
          ...(input.connectionId !== undefined ? { connectionId: input.connectionId } : {}),
        });
        const matches = hits
          .flatMap((hit) => (hit.connectionId ? confirm(context, hit.connectionId, hit.key, value) : []))
          .sort((a, b) => RANK[a.match] - RANK[b.match])
          .slice(0, 10);
        const related =
          matches.length === 0
            ? hits.slice(0, 5).map((hit) => ({ column: hit.key, snippet: hit.snippet }))
            : [];
        return { value, matches, related };
      }),
    );
    const lines = results.map((result) => {
      if (result.matches.length > 0) {
        return [
          `**${result.value}**`,
          ...result.matches.map(
            (match) =>
              `- ${code(match.column)} holds ${code(match.matchedValue)} (${match.match}${match.count !== undefined ? `, ${match.count} sampled row(s)` : ''}) → filter ${code(`${match.column} = '${match.matchedValue.replace(/'/g, "''")}'`)}`,
          ),
        ].join('\n');
      }
      if (result.related.length > 0) {
        return [
          `**${result.value}**: no sampled value matches exactly; columns with similar values:`,
          ...result.related.map((each) => `- ${code(each.column)}: ${each.snippet}`),
        ].join('\n');
      }
      return `**${result.value}**: not among the sampled values. Check with sql_execution (e.g. a LIKE over the likely column), or run \`ktx scan\` if the connection was never profiled.`;
    });
    const found = results.filter((result) => result.matches.length > 0).length;
    return {
      markdown: capMarkdown([`${found} of ${results.length} value(s) found.`, ...lines].join('\n\n')),
      structured: { results, found, searched: results.length },
    };
  },
});
