import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type WikiLocation, wikiLocationOf } from './wiki-key.js';

/** A page file found on disk, with the scope and key its path gives it. */
export interface WikiFile extends WikiLocation {
  /** Project-relative, forward slashes. */
  path: string;
}

export interface WikiFileScan {
  files: WikiFile[];
  /** `.md` files under wiki/ whose path is not a valid key or user id (never listed, reported by check). */
  misnamed: string[];
}

function markdownUnder(root: string, relative: string): string[] {
  const dir = join(root, relative);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // Dot entries are editor and tool litter (.obsidian/, .DS_Store), not pages.
    if (entry.name.startsWith('.')) return [];
    const path = `${relative}/${entry.name}`;
    if (entry.isDirectory()) return markdownUnder(root, path);
    return entry.isFile() && entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * Every page file of the project, both scopes and every user, sorted by path. Only the directory
 * tree is read here; page contents are read by the caller that needs them.
 */
export function scanWikiFiles(
  projectDir: string,
  options: { userId?: string; globalOnly?: boolean } = {},
): WikiFileScan {
  const roots = ['wiki/global'];
  if (options.userId !== undefined) roots.push(`wiki/user/${options.userId}`);
  else if (!options.globalOnly) {
    const users = join(projectDir, 'wiki', 'user');
    if (existsSync(users)) {
      for (const entry of readdirSync(users, { withFileTypes: true })) {
        if (entry.isDirectory() && !entry.name.startsWith('.')) roots.push(`wiki/user/${entry.name}`);
      }
    }
  }
  const files: WikiFile[] = [];
  const misnamed: string[] = [];
  for (const path of roots.flatMap((root) => markdownUnder(projectDir, root)).sort()) {
    const location = wikiLocationOf(path);
    if (location) files.push({ ...location, path });
    else misnamed.push(path);
  }
  return { files, misnamed };
}

/** User ids that have a folder under wiki/user/. */
export function wikiUserIds(projectDir: string): string[] {
  const users = join(projectDir, 'wiki', 'user');
  if (!existsSync(users)) return [];
  return readdirSync(users, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}
