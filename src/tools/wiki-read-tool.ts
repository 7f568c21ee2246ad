import { z } from 'zod';
import { defineTool } from './ktx-tool.js';
import { capMarkdown, code } from './tool-text.js';

export const wikiReadTool = defineTool({
  name: 'wiki_read',
  description: [
    'Read one wiki page in full: its summary, tags, links to other pages (refs), the semantic-layer',
    'sources it documents (slRefs) and its Markdown body. Keys come from wiki_search or discover_data.',
    'Example: wiki_read {"key": "metrics/net-revenue-retention"}',
  ].join(' '),
  inputSchema: z.object({
    key: z.string().trim().min(1).max(300).describe('Page key, e.g. "metrics/churn" (no .md)'),
  }),
  annotations: { title: 'Read a wiki page', readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async execute(input, context) {
    // Models often paste the path they saw; accept it.
    const key = input.key.replace(/^wiki\/(global|user\/[^/]+)\//, '').replace(/\.md$/, '');
    const page = context.readWiki(key);
    const facts = [
      page.summary ? `Summary: ${page.summary}` : undefined,
      page.tags.length ? `Tags: ${page.tags.join(', ')}` : undefined,
      page.refs.length ? `Related pages: ${page.refs.map(code).join(', ')}` : undefined,
      page.slRefs.length ? `Semantic layer: ${page.slRefs.map(code).join(', ')}` : undefined,
    ].filter(Boolean);
    const markdown = [`# ${page.title}`, `_${page.path}_`, ...facts, '', page.body.trim()].join('\n');
    return {
      markdown: capMarkdown(markdown),
      structured: {
        key: page.key,
        title: page.title,
        scope: page.scope,
        path: page.path,
        ...(page.summary ? { summary: page.summary } : {}),
        tags: page.tags,
        refs: page.refs,
        slRefs: page.slRefs,
        content: capMarkdown(page.body),
      },
    };
  },
});
