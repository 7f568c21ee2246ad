import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { type Diagnostic, didYouMean, formatDiagnostic, KtxError } from '../core/index.js';
import { writeFileAtomic } from '../project/index.js';
import { findBrokenRefs } from './find-broken-refs.js';
import { parseWikiPage } from './parse-wiki-page.js';
import { loadWikiFile } from './read-wiki-page.js';
import { symlinkOnPath } from './symlink-guard.js';
import { scanWikiFiles } from './wiki-files.js';
import { requireWikiKey, requireWikiUserId, wikiPagePath } from './wiki-key.js';
import type { WikiPage } from './wiki-page.js';

export interface WikiWriteOptions {
  /** Write into `wiki/user/<id>/` instead of `wiki/global/`. */
  userId?: string;
}

export interface WikiWriteResult {
  page: WikiPage;
  /** False when an existing page was replaced. */
  created: boolean;
  /** Warnings about the written page: unknown keys, missing summary, refs to pages that do not exist yet. */
  diagnostics: Diagnostic[];
}

/**
 * Validates `text` as a page and only then writes it atomically to the key's path in the scope,
 * creating folders as needed. Front matter errors throw `wiki_page_invalid` and write nothing.
 * Refs to missing pages are warnings here (two pages may link to each other; one is written first)
 * and errors in `checkWiki`. The bytes are written exactly as given.
 */
export function writeWikiPage(
  projectDir: string,
  key: string,
  text: string,
  options: WikiWriteOptions = {},
): WikiWriteResult {
  requireWikiKey(key);
  const userId = options.userId === undefined ? undefined : requireWikiUserId(options.userId);
  const path = wikiPagePath(key, userId);
  refuseSymlink(projectDir, path);
  const parsed = parseWikiPage(text, path);
  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new KtxError(
      'wiki_page_invalid',
      `${formatDiagnostic({ ...first, fix: undefined }).replace(/^error: /, '')}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}; nothing was written`,
      { fix: first.fix ?? 'fix the front matter and write again', data: { diagnostics: errors } },
    );
  }
  const visible = new Set(
    scanWikiFiles(projectDir, userId === undefined ? { globalOnly: true } : { userId }).files.map(
      (file) => file.key,
    ),
  );
  visible.add(key);
  const absolute = join(projectDir, path);
  const created = !existsSync(absolute);
  writeFileAtomic(absolute, text);
  const { page } = loadWikiFile(projectDir, {
    scope: userId === undefined ? 'global' : 'user',
    ...(userId !== undefined ? { userId } : {}),
    key,
    path,
  });
  const broken = findBrokenRefs(parsed.refs, visible, path).map((diagnostic) => ({
    ...diagnostic,
    severity: 'warning' as const,
  }));
  return { page, created, diagnostics: [...parsed.diagnostics, ...broken] };
}

/**
 * Deletes the page `key` of one scope (the user's overlay when `userId` is given, else the global
 * page; never falls through from one to the other) and the folders it leaves empty. A missing page
 * throws `wiki_page_missing` with the closest keys of that scope.
 */
export function removeWikiPage(
  projectDir: string,
  key: string,
  options: WikiWriteOptions = {},
): { path: string } {
  requireWikiKey(key);
  const userId = options.userId === undefined ? undefined : requireWikiUserId(options.userId);
  const path = wikiPagePath(key, userId);
  const absolute = join(projectDir, path);
  refuseSymlink(projectDir, path);
  if (!existsSync(absolute)) {
    const keys = scanWikiFiles(projectDir, userId === undefined ? { globalOnly: true } : { userId })
      .files.filter((file) => file.scope === (userId === undefined ? 'global' : 'user'))
      .map((file) => file.key);
    throw missingPage(key, keys, userId === undefined ? 'wiki/global/' : `wiki/user/${userId}/`);
  }
  rmSync(absolute);
  const scopeRoot = join(projectDir, userId === undefined ? 'wiki/global' : `wiki/user/${userId}`);
  for (let dir = dirname(absolute); dir.startsWith(`${scopeRoot}${sep}`); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
  return { path };
}

function refuseSymlink(projectDir: string, path: string): void {
  const link = symlinkOnPath(projectDir, path);
  if (link) {
    throw new KtxError(
      'wiki_key_invalid',
      `${link} is a symbolic link; ktx does not write or delete through links.`,
      {
        fix: `Replace ${link} with a real folder or file, or use another key.`,
      },
    );
  }
}

/** The `wiki_page_missing` error for `key`, naming close keys of the scopes looked in (`where`). */
export function missingPage(key: string, keys: Iterable<string>, where: string): KtxError {
  return new KtxError('wiki_page_missing', `No wiki page \`${key}\` in ${where}${didYouMean(key, keys)}.`, {
    fix: 'Run `ktx wiki` to list pages.',
    data: { key },
  });
}
