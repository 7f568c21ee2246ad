import { createHash } from 'node:crypto';
import type { SearchDocument } from './search-types.js';

// Long enough for a chunk's gist, short enough for any embedding model's context.
const MAX_EMBED_CHARS = 2000;

/** What the vector lane embeds for a document: its kind and title first, then summary and body. */
export function embeddingText(doc: SearchDocument): string {
  const text = [`${doc.kind} ${doc.title}`, doc.summary ?? '', doc.body, (doc.tags ?? []).join(', ')]
    .filter(Boolean)
    .join('\n');
  return text.slice(0, MAX_EMBED_CHARS);
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Identity of a document within its origin. */
export function documentIdent(doc: SearchDocument): string {
  return [doc.kind, doc.connectionId ?? '', doc.userId ?? '', doc.key, doc.part ?? 0].join('\u0001');
}
