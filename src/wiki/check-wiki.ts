import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import { findBrokenRefs } from './find-broken-refs.js';
import { parseWikiPage } from './parse-wiki-page.js';
import { SlRefResolver, type WikiSemanticCatalog } from './resolve-sl-ref.js';
import { scanWikiFiles } from './wiki-files.js';
import { suggestWikiKey } from './wiki-key.js';

export interface WikiCheckOptions {
  /** Only report on these project-relative page paths (refs still resolve against every page). */
  paths?: readonly string[];
}

/**
 * Checks every page of every scope: front matter, `refs` and `[[links]]` that name no page the
 * page's readers can see (global pages see global keys; a user's page also sees that user's keys),
 * and, when a catalog is given, `sl_refs` that name a missing source or member. Every diagnostic
 * carries the file and line. Never throws for bad content.
 */
export function checkWiki(
  projectDir: string,
  catalog?: WikiSemanticCatalog,
  options: WikiCheckOptions = {},
): Diagnostic[] {
  const { files, misnamed } = scanWikiFiles(projectDir);
  const only = options.paths ? new Set(options.paths) : undefined;
  const diagnostics: Diagnostic[] = [];
  for (const path of misnamed) {
    if (only && !only.has(path)) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'invalid-page-name',
      message: 'this file is not a wiki page: its name is not a valid key or user id, so it is never listed',
      file: path,
      fix: `rename it, e.g. to \`${suggestWikiKey(path.replace(/^wiki\/(global|user\/[^/]+)\//, ''))}.md\``,
    });
  }
  const globalKeys = new Set(files.filter((file) => file.scope === 'global').map((file) => file.key));
  const visibleFor = new Map<string, Set<string>>();
  const visible = (userId: string | undefined): Set<string> => {
    if (userId === undefined) return globalKeys;
    let keys = visibleFor.get(userId);
    if (!keys) {
      keys = new Set(globalKeys);
      for (const file of files) if (file.userId === userId) keys.add(file.key);
      visibleFor.set(userId, keys);
    }
    return keys;
  };
  const resolver = catalog ? new SlRefResolver(catalog) : undefined;
  for (const file of files) {
    if (only && !only.has(file.path)) continue;
    const parsed = parseWikiPage(readFileSync(join(projectDir, file.path), 'utf8'), file.path);
    diagnostics.push(...parsed.diagnostics);
    diagnostics.push(...findBrokenRefs(parsed.refs, visible(file.userId), file.path));
    if (!resolver) continue;
    for (const ref of parsed.slRefs) {
      const problem = resolver.problem(ref.value);
      if (problem) {
        diagnostics.push({
          severity: 'error',
          code: 'broken-sl-ref',
          message: problem,
          file: file.path,
          line: ref.line,
          path: 'sl_refs',
          fix: 'fix the name, or remove the ref; `ktx sl` lists sources and measures',
        });
      }
    }
  }
  return diagnostics.sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
  );
}
