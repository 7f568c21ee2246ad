import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../core/index.js';
import { acquireProjectLock } from '../../project/index.js';
import {
  checkWiki,
  listWikiPages,
  missingPage,
  readWikiPage,
  removeWikiPage,
  requireWikiKey,
  requireWikiUserId,
  scanWikiFiles,
  type WikiPage,
  wikiPagePath,
  writeWikiPage,
} from '../../wiki/index.js';
import type { OpenProject } from '../open-project.js';
import { wikiSemanticCatalog } from './wiki-catalog.js';

type Project = Pick<OpenProject, 'dir' | 'layout' | 'config'>;

/** The pages `userId` sees (global, with their overlay in place), sorted by key. */
export function listWiki(project: Project, options: { userId?: string } = {}): WikiPage[] {
  return listWikiPages(project.dir, options);
}

/** The page `key` as `userId` sees it, with the exact file text; `wiki_page_missing` when there is none. */
export function readWiki(
  project: Project,
  key: string,
  options: { userId?: string } = {},
): WikiPage & { text: string } {
  const page = readWikiPage(project.dir, key, options);
  if (!page) {
    const keys = listWikiPages(project.dir, options).map((each) => each.key);
    throw missingPage(
      key,
      keys,
      options.userId === undefined ? 'wiki/global/' : `wiki/user/${options.userId}/ or wiki/global/`,
    );
  }
  return { ...page, text: readFileSync(join(project.dir, page.path), 'utf8') };
}

export interface WriteWikiResult {
  page: WikiPage;
  created: boolean;
  /** Warnings only: errors throw `wiki_page_invalid` before anything is written. */
  diagnostics: Diagnostic[];
}

/**
 * Validates and writes one page under the project lock: `wiki/user/<userId>/` when a user is given,
 * else `wiki/global/`. Warnings cover the page's own front matter, refs to missing pages, `sl_refs`
 * naming nothing in the semantic layer, and a global page that `shadowedFor`'s overlay hides.
 */
export function writeWiki(
  project: Project,
  key: string,
  text: string,
  options: { userId?: string; shadowedFor?: string } = {},
): WriteWikiResult {
  requireWikiKey(key);
  if (options.userId !== undefined) requireWikiUserId(options.userId);
  const lock = acquireProjectLock(project.layout.lock, 'wiki write');
  try {
    const written = writeWikiPage(project.dir, key, text, { userId: options.userId });
    const catalog = wikiSemanticCatalog(project);
    const slProblems = catalog
      ? checkWiki(project.dir, catalog, { paths: [written.page.path] })
          .filter((diagnostic) => diagnostic.code === 'broken-sl-ref')
          .map((diagnostic) => ({ ...diagnostic, severity: 'warning' as const }))
      : [];
    const shadow =
      options.userId === undefined && options.shadowedFor !== undefined
        ? wikiPagePath(key, options.shadowedFor)
        : undefined;
    const shadowed =
      shadow &&
      scanWikiFiles(project.dir, { userId: options.shadowedFor }).files.some((f) => f.path === shadow)
        ? [
            {
              severity: 'warning' as const,
              code: 'shadowed-page',
              message: `${shadow} overrides this page for user ${options.shadowedFor}`,
              file: written.page.path,
              fix: `edit it with --user ${options.shadowedFor}, or remove it to see the global page`,
            },
          ]
        : [];
    return { ...written, diagnostics: [...written.diagnostics, ...slProblems, ...shadowed] };
  } finally {
    lock.release();
  }
}

/** Deletes one page of one scope under the project lock; `wiki_page_missing` when it is not there. */
export function removeWiki(
  project: Project,
  key: string,
  options: { userId?: string } = {},
): { path: string } {
  requireWikiKey(key);
  const lock = acquireProjectLock(project.layout.lock, 'wiki remove');
  try {
    return removeWikiPage(project.dir, key, options);
  } finally {
    lock.release();
  }
}

export interface WikiCheckReport {
  valid: boolean;
  pages: number;
  /** False when no connection is configured, so `sl_refs` could not be checked. */
  slRefsChecked: boolean;
  diagnostics: Diagnostic[];
}

/** `ktx wiki check`: every page of every scope against the wiki and the semantic layer. */
export function checkProjectWiki(project: Project): WikiCheckReport {
  const catalog = wikiSemanticCatalog(project);
  const diagnostics = checkWiki(project.dir, catalog);
  return {
    valid: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    pages: scanWikiFiles(project.dir).files.length,
    slRefsChecked: catalog !== undefined,
    diagnostics,
  };
}
