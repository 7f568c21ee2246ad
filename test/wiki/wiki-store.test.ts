import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../src/core/index.js';
import {
  listWikiPages,
  readWikiPage,
  removeWikiPage,
  requireWikiKey,
  wikiLocationOf,
  writeWikiPage,
} from '../../src/wiki/index.js';
import { tempDir } from '../support/temp-dir.js';

function put(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isKtxError(error) ? error.code : `not a KtxError: ${String(error)}`;
  }
  return undefined;
}

describe('wiki keys', () => {
  it('accepts reference flat keys and folder keys, refuses escapes', () => {
    expect(requireWikiKey('nrr')).toBe('nrr');
    expect(requireWikiKey('metrics/net-revenue-retention')).toBe('metrics/net-revenue-retention');
    for (const bad of [
      '../x',
      'a/../b',
      '/etc/passwd',
      'C:/x',
      'a\\b',
      'a//b',
      'x.md',
      '',
      '.hidden',
      'a b',
    ]) {
      expect(
        codeOf(() => requireWikiKey(bad)),
        bad,
      ).toBe('wiki_key_invalid');
    }
    expect(() => requireWikiKey('Net Revenue.md')).toThrow(
      expect.objectContaining({ fix: expect.stringContaining('`net-revenue`') }),
    );
  });

  it('maps paths to scope, user and key', () => {
    expect(wikiLocationOf('wiki/global/metrics/nrr.md')).toEqual({ scope: 'global', key: 'metrics/nrr' });
    expect(wikiLocationOf('wiki/user/ana/nrr.md')).toEqual({ scope: 'user', userId: 'ana', key: 'nrr' });
    expect(wikiLocationOf('wiki/global/My Page.md')).toBeUndefined();
    expect(wikiLocationOf('semantic-layer/x.md')).toBeUndefined();
  });
});

describe('listWikiPages / readWikiPage', () => {
  const dir = tempDir();
  const globalNrr = '---\nsummary: Global NRR\ntags: [revenue]\n---\n# NRR\nbody\n';
  put(dir, 'wiki/global/metrics/nrr.md', globalNrr);
  put(dir, 'wiki/global/glossary.md', '---\nsummary: Terms\n---\nNo heading here.\n');
  put(dir, 'wiki/global/broken.md', '---\nsummary: [oops\n---\n# Broken page\n');
  put(dir, 'wiki/global/Not A Key.md', '---\nsummary: skipped\n---\n');
  put(dir, 'wiki/global/.obsidian/x.md', 'editor litter');
  put(dir, 'wiki/user/ana/metrics/nrr.md', '---\nsummary: Ana NRR\ntitle: My NRR\n---\n');
  put(dir, 'wiki/user/ana/private.md', '---\nsummary: Ana only\n---\n');
  put(dir, 'wiki/user/bob/secret.md', '---\nsummary: Bob only\n---\n');

  it('lists global pages sorted by key, with title fallbacks and hashes', () => {
    const pages = listWikiPages(dir);
    expect(pages.map((page) => [page.key, page.scope, page.title])).toEqual([
      ['broken', 'global', 'Broken page'],
      ['glossary', 'global', 'glossary'],
      ['metrics/nrr', 'global', 'NRR'],
    ]);
    const nrr = pages[2]!;
    expect(nrr).toMatchObject({
      path: 'wiki/global/metrics/nrr.md',
      summary: 'Global NRR',
      tags: ['revenue'],
    });
    expect(nrr.contentHash).toBe(createHash('sha256').update(globalNrr).digest('hex'));
    expect(nrr.mtimeMs).toBeGreaterThan(0);
    expect(nrr.userId).toBeUndefined();
  });

  it('lets a user page override the global page with the same key, and hides other users', () => {
    const pages = listWikiPages(dir, { userId: 'ana' });
    expect(pages.map((page) => `${page.key}:${page.scope}`)).toEqual([
      'broken:global',
      'glossary:global',
      'metrics/nrr:user',
      'private:user',
    ]);
    expect(pages.find((page) => page.key === 'metrics/nrr')).toMatchObject({
      userId: 'ana',
      title: 'My NRR',
      path: 'wiki/user/ana/metrics/nrr.md',
    });
    expect(readWikiPage(dir, 'metrics/nrr', { userId: 'ana' })?.summary).toBe('Ana NRR');
    expect(readWikiPage(dir, 'metrics/nrr')?.summary).toBe('Global NRR');
    expect(readWikiPage(dir, 'metrics/nrr', { userId: 'carol' })?.summary).toBe('Global NRR');
    expect(readWikiPage(dir, 'secret', { userId: 'ana' })).toBeUndefined();
    expect(readWikiPage(dir, 'nope')).toBeUndefined();
  });

  it('refuses bad keys and user ids instead of reading outside wiki/', () => {
    expect(codeOf(() => readWikiPage(dir, '../ktx'))).toBe('wiki_key_invalid');
    expect(codeOf(() => listWikiPages(dir, { userId: '../global' }))).toBe('wiki_user_invalid');
  });
});

describe('writeWikiPage / removeWikiPage', () => {
  it('creates folders, writes the bytes as given, and reports created vs updated', () => {
    const dir = tempDir();
    const text = '---\nsummary: Churn\n---\n# Churn\n';
    const first = writeWikiPage(dir, 'glossary/churn', text);
    expect(first.created).toBe(true);
    expect(first.page.path).toBe('wiki/global/glossary/churn.md');
    expect(readFileSync(join(dir, 'wiki/global/glossary/churn.md'), 'utf8')).toBe(text);
    expect(writeWikiPage(dir, 'glossary/churn', text).created).toBe(false);
    const mine = writeWikiPage(dir, 'glossary/churn', '---\nsummary: mine\n---\n', { userId: 'ana' });
    expect(mine.page).toMatchObject({
      scope: 'user',
      userId: 'ana',
      path: 'wiki/user/ana/glossary/churn.md',
    });
  });

  it('validates before writing: nothing lands on disk when the front matter is wrong', () => {
    const dir = tempDir();
    const before = 'wiki/global/p.md';
    writeWikiPage(dir, 'p', '---\nsummary: good\n---\n');
    let error: unknown;
    try {
      writeWikiPage(dir, 'p', '---\nsummary: ok\ntags: oops\n---\n');
    } catch (thrown) {
      error = thrown;
    }
    expect(isKtxError(error, 'wiki_page_invalid')).toBe(true);
    expect((error as Error).message).toContain('wiki/global/p.md:3');
    expect((error as Error).message).toContain('nothing was written');
    expect(readFileSync(join(dir, before), 'utf8')).toBe('---\nsummary: good\n---\n');
    expect(codeOf(() => writeWikiPage(dir, 'new/page', '---\n: [\n---\n'))).toBe('wiki_page_invalid');
    expect(existsSync(join(dir, 'wiki/global/new'))).toBe(false);
    expect(codeOf(() => writeWikiPage(dir, '../escape', '---\nsummary: s\n---\n'))).toBe('wiki_key_invalid');
    expect(codeOf(() => writeWikiPage(dir, 'p', '---\nsummary: s\n---\n', { userId: 'a/b' }))).toBe(
      'wiki_user_invalid',
    );
    expect(readdirSync(join(dir, 'wiki/global'))).toEqual(['p.md']);
  });

  it('warns (does not refuse) about refs to pages that do not exist yet', () => {
    const dir = tempDir();
    const result = writeWikiPage(dir, 'a', '---\nsummary: s\nrefs: [b]\n---\nsee [[a]]\n');
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'broken-ref', 3],
    ]);
  });

  it('removes one scope only, prunes empty folders, and names close keys when missing', () => {
    const dir = tempDir();
    writeWikiPage(dir, 'metrics/deep/nrr', '---\nsummary: s\n---\n');
    writeWikiPage(dir, 'metrics/deep/nrr', '---\nsummary: s\n---\n', { userId: 'ana' });
    expect(removeWikiPage(dir, 'metrics/deep/nrr', { userId: 'ana' }).path).toBe(
      'wiki/user/ana/metrics/deep/nrr.md',
    );
    expect(existsSync(join(dir, 'wiki/user/ana/metrics'))).toBe(false);
    expect(existsSync(join(dir, 'wiki/user/ana'))).toBe(true);
    expect(readWikiPage(dir, 'metrics/deep/nrr')?.scope).toBe('global');
    let error: unknown;
    try {
      removeWikiPage(dir, 'metrics/deep/nr');
    } catch (thrown) {
      error = thrown;
    }
    expect(isKtxError(error, 'wiki_page_missing')).toBe(true);
    expect((error as Error).message).toContain('did you mean `metrics/deep/nrr`');
    removeWikiPage(dir, 'metrics/deep/nrr');
    expect(readdirSync(join(dir, 'wiki/global'))).toEqual([]);
  });
});

describe('symbolic links below a scope folder', () => {
  it('are neither listed, read, written through nor removed through', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.md'), '---\nsummary: secret\n---\n');
    mkdirSync(join(dir, 'wiki/global'), { recursive: true });
    symlinkSync(outside, join(dir, 'wiki/global/linked'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'wiki/global/file.md'));
    expect(listWikiPages(dir)).toEqual([]);
    expect(readWikiPage(dir, 'linked/secret')).toBeUndefined();
    expect(readWikiPage(dir, 'file')).toBeUndefined();
    expect(codeOf(() => writeWikiPage(dir, 'linked/new', '---\nsummary: s\n---\n'))).toBe('wiki_key_invalid');
    expect(existsSync(join(outside, 'new.md'))).toBe(false);
    expect(codeOf(() => removeWikiPage(dir, 'linked/secret'))).toBe('wiki_key_invalid');
    expect(existsSync(join(outside, 'secret.md'))).toBe(true);
  });
});
