import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import { parseWikiPage } from './parse-wiki-page.js';
import type { WikiFile } from './wiki-files.js';
import type { WikiPage } from './wiki-page.js';

/** Reads and parses one page file; the diagnostics are the page's own front matter problems. */
export function loadWikiFile(
  projectDir: string,
  file: WikiFile,
): { page: WikiPage; diagnostics: Diagnostic[] } {
  const absolute = join(projectDir, file.path);
  const bytes = readFileSync(absolute);
  const parsed = parseWikiPage(bytes.toString('utf8'), file.path);
  const page: WikiPage = {
    key: file.key,
    scope: file.scope,
    ...(file.userId !== undefined ? { userId: file.userId } : {}),
    path: file.path,
    title: parsed.title ?? file.key,
    ...(parsed.summary !== undefined ? { summary: parsed.summary } : {}),
    tags: parsed.tags,
    refs: [...new Set(parsed.refs.map((ref) => ref.value))],
    slRefs: [...new Set(parsed.slRefs.map((ref) => ref.value))],
    frontMatter: parsed.frontMatter,
    body: parsed.body,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    mtimeMs: statSync(absolute).mtimeMs,
  };
  return { page, diagnostics: parsed.diagnostics };
}
