import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStampWalker } from './file-stamps.js';

describe('FileStampWalker', () => {
  const project = mkdtempSync(join(tmpdir(), 'ktx-stamps-'));
  const dir = join(project, 'wiki');
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const paths = (walker: FileStampWalker) => walker.stamps().map((file) => file.path);
  // Adds a file, then puts the folder's mtime back: what a second add within one mtime tick looks like.
  const addWithinTick = (path: string) => {
    const folder = join(path, '..');
    const before = statSync(folder).mtime;
    writeFileSync(path, 'x');
    utimesSync(folder, before, before);
  };

  it('stamps accepted files in path order with project-relative paths', () => {
    mkdirSync(join(dir, 'global', 'b'), { recursive: true });
    writeFileSync(join(dir, 'global', 'z.md'), 'z');
    writeFileSync(join(dir, 'global', 'b', 'a.md'), 'a');
    writeFileSync(join(dir, 'global', 'skip.txt'), 'no');
    const walker = new FileStampWalker(project, dir, (name) => name.endsWith('.md'));
    expect(paths(walker)).toEqual(['wiki/global/b/a.md', 'wiki/global/z.md']);
    const [first] = walker.stamps();
    writeFileSync(join(dir, 'global', 'b', 'a.md'), 'longer');
    expect(walker.stamps()[0]?.stamp).not.toBe(first?.stamp);
  });

  it('reuses a settled folder listing until the folder changes, and never a fresh one', () => {
    const folder = join(dir, 'global');
    const walker = new FileStampWalker(project, dir, (name) => name.endsWith('.md'));
    // Fresh folder (changed under 2 s ago): its listing is not kept, so a same-tick add is seen.
    addWithinTick(join(folder, 'fresh.md'));
    paths(walker);
    addWithinTick(join(folder, 'same-tick.md'));
    expect(paths(walker)).toContain('wiki/global/same-tick.md');

    // Settled folder: the kept listing is reused while the mtime is the same…
    const old = new Date(Date.now() - 60_000);
    utimesSync(folder, old, old);
    paths(walker);
    addWithinTick(join(folder, 'hidden.md'));
    expect(paths(walker)).not.toContain('wiki/global/hidden.md');
    // …and read again as soon as it moves (an add, a delete, a rename).
    rmSync(join(folder, 'z.md'));
    expect(paths(walker)).toEqual(
      expect.arrayContaining(['wiki/global/hidden.md', 'wiki/global/same-tick.md']),
    );
    expect(paths(walker)).not.toContain('wiki/global/z.md');
  });
});
