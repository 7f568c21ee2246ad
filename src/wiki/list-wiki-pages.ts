import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadWikiFile } from './read-wiki-page.js';
import { symlinkOnPath } from './symlink-guard.js';
import { scanWikiFiles } from './wiki-files.js';
import { requireWikiKey, requireWikiUserId, wikiPagePath } from './wiki-key.js';
import type { WikiPage } from './wiki-page.js';

export interface WikiScopeOptions {
  /** The reader: their `wiki/user/<id>/` pages override global pages with the same key. */
  userId?: string;
}

/**
 * The pages a reader sees: every global page, with a same-key page of the user's overlay in its
 * place, plus the user's own pages; sorted by key. Other users' pages are never included. A page
 * whose front matter is broken is still listed (with what could be read); `checkWiki` reports it.
 */
export function listWikiPages(projectDir: string, options: WikiScopeOptions = {}): WikiPage[] {
  const userId = options.userId === undefined ? undefined : requireWikiUserId(options.userId);
  const { files } = scanWikiFiles(projectDir, userId === undefined ? { globalOnly: true } : { userId });
  // Overridden global pages are never read.
  const userKeys = new Set(files.filter((file) => file.scope === 'user').map((file) => file.key));
  return files
    .filter((file) => file.scope === 'user' || !userKeys.has(file.key))
    .map((file) => loadWikiFile(projectDir, file).page)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The page a reader sees under `key` (the user's page first, then the global one), if any. */
export function readWikiPage(
  projectDir: string,
  key: string,
  options: WikiScopeOptions = {},
): WikiPage | undefined {
  requireWikiKey(key);
  const userId = options.userId === undefined ? undefined : requireWikiUserId(options.userId);
  const candidates = [
    ...(userId !== undefined
      ? [{ scope: 'user' as const, userId, key, path: wikiPagePath(key, userId) }]
      : []),
    { scope: 'global' as const, key, path: wikiPagePath(key) },
  ];
  for (const file of candidates) {
    if (!existsSync(join(projectDir, file.path)) || symlinkOnPath(projectDir, file.path)) continue;
    try {
      return loadWikiFile(projectDir, file).page;
    } catch (error) {
      // Removed between the check and the read: look at the next scope.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}
