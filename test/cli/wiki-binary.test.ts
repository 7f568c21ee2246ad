import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'ktx.js');

// `--stdin` reads the real fd 0, which only a separate process has.
describe('ktx wiki through the built binary (needs `npm run build`)', () => {
  it('writes a page from stdin, refuses a broken one, lists and checks', () => {
    expect(
      existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js')),
      'run `npm run build` first',
    ).toBe(true);
    const work = tempDir();
    // A wiki-only project: no connection, so `check` says sl_refs were not checked.
    writeFileSync(join(work, 'ktx.yaml'), 'connections: {}\n');
    const run = (args: string[], input?: string) =>
      spawnSync(process.execPath, [bin, '--project-dir', work, ...args], {
        encoding: 'utf8',
        input,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      });

    const page =
      '---\nsummary: Who counts as an active customer\ntags: [customers]\n---\n# Active customer\n';
    const write = run(['--json', 'wiki', 'write', 'glossary/active-customer', '--stdin'], page);
    expect(write.status, write.stderr).toBe(0);
    expect(JSON.parse(write.stdout)).toMatchObject({
      path: 'wiki/global/glossary/active-customer.md',
      created: true,
    });

    const broken = run(['wiki', 'write', 'glossary/broken', '--stdin'], '---\ntags: [unclosed\n---\n');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(
      /^error: wiki\/global\/glossary\/broken\.md:\d: front matter is not valid YAML/,
    );
    expect(existsSync(join(work, 'wiki/global/glossary/broken.md'))).toBe(false);

    const list = run(['wiki']);
    expect(list.stdout).toBe(
      'KEY\tSCOPE\tTITLE\tSUMMARY\nglossary/active-customer\tglobal\tActive customer\tWho counts as an active customer\n',
    );
    const check = run(['wiki', 'check']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toBe(
      '1 page(s): 0 error(s), 0 warning(s) (sl_refs not checked: no connection configured)\n',
    );
  });
});
