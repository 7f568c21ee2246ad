import { join } from 'node:path';
import { readWikiPage, type WikiPage, wikiLocationOf } from '../wiki/index.js';
import { chunkMarkdown } from './chunk-markdown.js';
import type { DocumentCollector } from './document-collector.js';
import { FileStampWalker } from './file-stamps.js';
import type { SearchDocument } from './search-types.js';

/** One document per body chunk of a page; title, summary, tags and names repeat on each. */
export function wikiDocuments(page: WikiPage): SearchDocument[] {
  const chunks = chunkMarkdown(page.body);
  const parts = chunks.length > 0 ? chunks : [''];
  return parts.map((body, part) => ({
    kind: 'wiki' as const,
    key: page.key,
    part,
    title: page.title,
    names: [page.key, ...page.slRefs],
    ...(page.summary ? { summary: page.summary } : {}),
    body,
    tags: page.tags,
    path: page.path,
    ...(page.scope === 'user' && page.userId ? { userId: page.userId } : {}),
  }));
}

/**
 * Every page of both scopes and every user, one origin per file (`wiki:<path>`): editing a page
 * re-reads and re-indexes that page only. Pages are read through the wiki layer, never parsed here.
 */
export function wikiCollector(projectDir: string): DocumentCollector {
  const walker = new FileStampWalker(
    projectDir,
    join(projectDir, 'wiki'),
    (name) => name.endsWith('.md') && !name.startsWith('.'),
  );
  return {
    stamps() {
      const files = walker.stamps();
      // Misnamed files (not a valid key) are filtered when read, keeping this walk to stats only.
      return new Map(files.map((file) => [`wiki:${file.path}`, file.stamp]));
    },
    documents(origins) {
      const out = new Map<string, SearchDocument[]>();
      for (const origin of origins) {
        const path = origin.slice('wiki:'.length);
        const location = wikiLocationOf(path);
        if (!location) continue;
        const page = readWikiPage(
          projectDir,
          location.key,
          location.userId ? { userId: location.userId } : {},
        );
        // Gone since the stamp walk (or fell through to another scope): no documents for this file.
        if (!page || page.path !== path) continue;
        out.set(origin, wikiDocuments(page));
      }
      return out;
    },
  };
}
