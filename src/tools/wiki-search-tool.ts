import { z } from 'zod';
import { defineTool } from './ktx-tool.js';
import { capMarkdown, code } from './tool-text.js';

export const wikiSearchTool = defineTool({
  name: 'wiki_search',
  description: [
    'Search the project wiki: Markdown pages of business knowledge (metric definitions, caveats,',
    'glossary, how teams count things). Use it when a question depends on a definition or a rule, then',
    'wiki_read the best page. discover_data searches the wiki too, together with the semantic layer.',
    'Example: wiki_search {"query": "how is churn defined"}',
  ].join(' '),
  inputSchema: z.object({
    query: z.string().trim().min(1).max(500),
    limit: z.number().int().min(1).max(50).default(10),
  }),
  annotations: { title: 'Search the wiki', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async execute(input, context) {
    const hits = await context.search({ query: input.query, kinds: ['wiki'], limit: input.limit });
    const pages = context.listWiki();
    const byKey = new Map(pages.map((page) => [page.key, page]));
    const results = hits.map((hit) => {
      const page = byKey.get(hit.key);
      return {
        key: hit.key,
        title: hit.title,
        ...(page?.summary ? { summary: page.summary } : {}),
        ...(page ? { scope: page.scope } : {}),
        ...(hit.path ? { path: hit.path } : {}),
        score: hit.score,
        snippet: hit.snippet,
      };
    });
    const markdown =
      results.length === 0
        ? `No wiki page matches "${input.query}" (${pages.length} page(s) in the wiki). Try other words, or discover_data to search the semantic layer too.`
        : [
            `${results.length} page(s) for "${input.query}":`,
            '',
            ...results.map(
              (result, index) =>
                `${index + 1}. ${code(result.key)} — ${result.title}${result.summary ? `: ${result.summary}` : ''}\n   ${result.snippet.replace(/\s+/g, ' ')}`,
            ),
            '',
            `Next: wiki_read {"key": "${results[0]!.key}"}`,
          ].join('\n');
    return { markdown: capMarkdown(markdown), structured: { query: input.query, results } };
  },
});
