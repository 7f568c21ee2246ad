import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Relative Markdown link targets (`[text](path)`, anchors dropped), outside fenced code. */
function relativeLinks(text: string): string[] {
  const prose = text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  const links: string[] = [];
  for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!.split('#')[0]!;
    if (target && !/^[a-z]+:/i.test(target)) links.push(target);
  }
  return links;
}

describe('links between README.md and docs/', () => {
  const files = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  for (const file of files) {
    it(`${file} links only to files that exist`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const broken = relativeLinks(text).filter((link) => !existsSync(join(ROOT, dirname(file), link)));
      expect(broken).toEqual([]);
    });
  }

  it('finds links at all (the pattern is not silently broken)', () => {
    expect(
      relativeLinks('see [llm](llm.md#roles) and [site](https://example.com)\n```\n[x](gone.md)\n```\n'),
    ).toEqual(['llm.md']);
  });
});
