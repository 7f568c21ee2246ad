import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { copyShopSemanticLayer, makeShopSqlite } from '../support/shop-project.js';
import { tempDir } from '../support/temp-dir.js';

const NRR = `---
summary: Net revenue retention, how finance computes it
tags: [revenue, retention]
refs: [glossary/churn]
sl_refs: [orders.revenue, shop/orders.paid_revenue]
---
# Net revenue retention

Revenue kept from last year's customers; see [[glossary/churn]].
`;
const CHURN = '---\nsummary: When a customer counts as churned\n---\n# Churn\n';

describe('ktx wiki', () => {
  const work = tempDir();
  const pages = tempDir();
  beforeAll(async () => {
    makeShopSqlite(join(work, 'shop.db'));
    const setup = await runCli([
      '--project-dir',
      work,
      'setup',
      '--no-input',
      '--database-url',
      join(work, 'shop.db'),
      '--database-connection-id',
      'shop',
    ]);
    expect(setup.code, setup.stderr).toBe(0);
    copyShopSemanticLayer(work, 'shop');
    writeFileSync(join(pages, 'nrr.md'), NRR);
    writeFileSync(join(pages, 'churn.md'), CHURN);
  });
  const ktx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(['--project-dir', work, ...args], { cwd: pages, env });

  it('says how to start on an empty wiki', async () => {
    const empty = await ktx(['wiki']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toBe('KEY\tSCOPE\tTITLE\tSUMMARY\n');
    expect((await ktx(['--json', 'wiki'])).json()).toEqual({ pages: [] });
  });

  it('writes pages from files (folders created, forward ref warned), lists and reads them', async () => {
    const nrr = await ktx(['wiki', 'write', 'metrics/net-revenue-retention', '--file', 'nrr.md']);
    expect(nrr.code, nrr.stderr).toBe(0);
    expect(nrr.stdout).toBe('created wiki/global/metrics/net-revenue-retention.md\n');
    expect(nrr.stderr).toContain(
      'warning: wiki/global/metrics/net-revenue-retention.md:4: ref `glossary/churn` names no wiki page',
    );
    const churn = await ktx(['--json', 'wiki', 'write', 'glossary/churn', '--file', join(pages, 'churn.md')]);
    expect(churn.json()).toMatchObject({
      key: 'glossary/churn',
      scope: 'global',
      created: true,
      diagnostics: [],
    });
    expect(readFileSync(join(work, 'wiki/global/metrics/net-revenue-retention.md'), 'utf8')).toBe(NRR);

    const list = await ktx(['--json', 'wiki']);
    expect(list.json<{ pages: unknown[] }>().pages).toEqual([
      {
        key: 'glossary/churn',
        scope: 'global',
        path: 'wiki/global/glossary/churn.md',
        title: 'Churn',
        summary: 'When a customer counts as churned',
        tags: [],
      },
      expect.objectContaining({ key: 'metrics/net-revenue-retention', title: 'Net revenue retention' }),
    ]);
    const plain = await ktx(['wiki']);
    expect(plain.stdout.split('\n')[2]).toBe(
      'metrics/net-revenue-retention\tglobal\tNet revenue retention\tNet revenue retention, how finance computes it',
    );

    const read = await ktx(['wiki', 'read', 'metrics/net-revenue-retention']);
    expect(read.stdout).toBe(NRR);
    const json = await ktx(['--json', 'wiki', 'read', 'metrics/net-revenue-retention']);
    expect(json.json()).toMatchObject({
      refs: ['glossary/churn'],
      slRefs: ['orders.revenue', 'shop/orders.paid_revenue'],
      frontMatter: { tags: ['revenue', 'retention'] },
    });
  });

  it('lets a user page override the global one (--user, else KTX_USER)', async () => {
    writeFileSync(join(pages, 'mine.md'), '---\nsummary: my own take\n---\n# My NRR\n');
    const write = await ktx([
      'wiki',
      'write',
      'metrics/net-revenue-retention',
      '--file',
      'mine.md',
      '--user',
      'ana',
    ]);
    expect(write.stdout).toBe('created wiki/user/ana/metrics/net-revenue-retention.md\n');
    expect((await ktx(['wiki', 'read', 'metrics/net-revenue-retention', '--user', 'ana'])).stdout).toContain(
      'my own take',
    );
    expect((await ktx(['wiki', '--user', 'ana', 'read', 'metrics/net-revenue-retention'])).stdout).toContain(
      'my own take',
    );
    expect(
      (await ktx(['wiki', 'read', 'metrics/net-revenue-retention'], { KTX_USER: 'ana' })).stdout,
    ).toContain('my own take');
    expect((await ktx(['wiki', 'read', 'metrics/net-revenue-retention'])).stdout).toBe(NRR);
    const list = await ktx(['--json', 'wiki'], { KTX_USER: 'ana' });
    expect(list.json()).toMatchObject({
      userId: 'ana',
      pages: [
        { key: 'glossary/churn', scope: 'global' },
        { key: 'metrics/net-revenue-retention', scope: 'user', userId: 'ana', title: 'My NRR' },
      ],
    });
    // A global write that ana's overlay hides says so.
    const shadowed = await ktx(['wiki', 'write', 'metrics/net-revenue-retention', '--file', 'nrr.md'], {
      KTX_USER: 'ana',
    });
    expect(shadowed.stdout).toBe('updated wiki/global/metrics/net-revenue-retention.md\n');
    expect(shadowed.stderr).toContain(
      'wiki/user/ana/metrics/net-revenue-retention.md overrides this page for user ana',
    );
  });

  it('refuses bad input with one line, a code and a fix, and writes nothing', async () => {
    writeFileSync(join(pages, 'bad.md'), '---\nsummary: fine\nusage_mode: sometimes\n---\n');
    const bad = await ktx(['--json', 'wiki', 'write', 'metrics/bad', '--file', 'bad.md']);
    expect(bad.code).toBe(1);
    expect(bad.json()).toEqual({
      error: {
        code: 'wiki_page_invalid',
        message:
          'wiki/global/metrics/bad.md:3 usage_mode: `usage_mode` must be one of always, auto, never; nothing was written',
        fix: 'write `usage_mode: auto` (or always, never)',
      },
    });
    expect(existsSync(join(work, 'wiki/global/metrics/bad.md'))).toBe(false);

    const outside = await ktx(['wiki', 'write', '../../etc/x', '--file', 'nrr.md']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(
      /^error: Wiki key `..\/..\/etc\/x` contains `.` or `..`. Fix: Use a key like `etc\/x`/,
    );
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
    const absolute = await ktx(['--json', 'wiki', 'read', '/etc/passwd']);
    expect(absolute.json()).toMatchObject({ error: { code: 'wiki_key_invalid' } });

    const missing = await ktx(['--json', 'wiki', 'read', 'metrics/net-revenue-retentio']);
    expect(missing.json()).toMatchObject({
      error: {
        code: 'wiki_page_missing',
        message: expect.stringContaining('did you mean `metrics/net-revenue-retention`'),
        fix: expect.any(String),
      },
    });
    const unknownUser = await ktx(['--json', 'wiki', '--user', 'zed']);
    expect(unknownUser.json()).toMatchObject({
      error: { code: 'wiki_user_unknown', fix: expect.stringContaining('Known users: ana') },
    });
    const badUser = await ktx(['--json', 'wiki', 'write', 'x', '--file', 'nrr.md', '--user', '../global']);
    expect(badUser.json()).toMatchObject({ error: { code: 'wiki_user_invalid' } });
    const badEnv = await ktx(['--json', 'wiki'], { KTX_USER: 'a/b' });
    expect(badEnv.json()).toMatchObject({
      error: { code: 'wiki_user_invalid', message: expect.stringContaining('KTX_USER') },
    });
    const noInput = await ktx(['wiki', 'write', 'x']);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('--file <page.md>, or --stdin');
    const noFile = await ktx(['--json', 'wiki', 'write', 'x', '--file', 'nope.md']);
    expect(noFile.json()).toMatchObject({ error: { code: 'invalid_argument' } });
    expect(existsSync(join(work, 'wiki/global/x.md'))).toBe(false);
  });

  it('checks refs and sl_refs against pages and the semantic layer, with file and line', async () => {
    const clean = await ktx(['wiki', 'check']);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toBe('3 page(s): 0 error(s), 0 warning(s)\n');

    writeFileSync(
      join(work, 'wiki/global/broken.md'),
      '---\nsummary: s\nsl_refs:\n  - orders.revenue\n  - orders.nope\n  - ordrs\n---\nSee [[missing/page]].\n',
    );
    const broken = await ktx(['wiki', 'check']);
    expect(broken.code).toBe(1);
    expect(broken.stdout.split('\n')).toEqual([
      'error: wiki/global/broken.md:5 sl_refs: sl_ref `orders.nope`: source `orders` has no measure, segment or column `nope` — fix the name, or remove the ref; `ktx sl` lists sources and measures',
      'error: wiki/global/broken.md:6 sl_refs: sl_ref `ordrs` names no semantic-layer source (did you mean `orders`?) — fix the name, or remove the ref; `ktx sl` lists sources and measures',
      'error: wiki/global/broken.md:8: ref `missing/page` names no wiki page — create the page with `ktx wiki write missing/page --file …`, or fix the ref',
      '4 page(s): 3 error(s), 0 warning(s)',
      '',
    ]);
    const json = await ktx(['--json', 'wiki', 'check']);
    expect(json.code).toBe(1);
    expect(json.json()).toMatchObject({ valid: false, pages: 4, slRefsChecked: true });
  });

  it('searches pages through the shared index; an edit shows up in the next search', async () => {
    const hits = await ktx(['--json', 'wiki', 'net', 'revenue', 'retention']);
    expect(hits.code, hits.stderr).toBe(0);
    const body = hits.json<{ query: string; mode: string; hits: { kind: string; key: string }[] }>();
    expect(body.query).toBe('net revenue retention');
    expect(body.hits[0]).toMatchObject({ kind: 'wiki', key: 'metrics/net-revenue-retention' });
    expect(body.hits.every((hit) => hit.kind === 'wiki')).toBe(true);
    expect(body).toMatchObject({ mode: 'lexical' });
    const all = await ktx(['--json', 'wiki', 'churn']);
    expect(all.json<{ hits: unknown[] }>().hits.length).toBeGreaterThan(1);
    const one = await ktx(['--json', 'wiki', '--limit', '1', 'churn']);
    expect(one.json<{ hits: unknown[] }>().hits).toHaveLength(1);

    const ana = await ktx(['--json', 'wiki', '--user', 'ana', 'net', 'revenue', 'retention']);
    expect(ana.json<{ hits: { key: string; title: string }[] }>().hits[0]).toMatchObject({
      key: 'metrics/net-revenue-retention',
      title: 'My NRR',
    });

    // A query word that names a subcommand goes through the explicit `search` form.
    writeFileSync(join(pages, 'access.md'), '---\nsummary: Who may read which tables\n---\n# Read access\n');
    expect((await ktx(['wiki', 'write', 'policies/read-access', '--file', 'access.md'])).code).toBe(0);
    const read = await ktx(['--json', 'wiki', 'search', 'read']);
    expect(read.json<{ hits: { key: string }[] }>().hits[0]?.key).toBe('policies/read-access');

    writeFileSync(
      join(work, 'wiki/global/glossary/churn.md'),
      '---\nsummary: Churn\n---\nA zebracorn customer left.\n',
    );
    const edited = await ktx(['--json', 'wiki', 'zebracorn']);
    expect(edited.json<{ hits: { key: string }[] }>().hits.map((hit) => hit.key)).toEqual(['glossary/churn']);
    const plain = await ktx(['wiki', 'zebracorn']);
    expect(plain.stdout.split('\n')[0]).toBe('KEY\tTITLE\tSCORE\tSNIPPET');
  });

  it('removes a page of one scope', async () => {
    const removed = await ktx(['wiki', 'remove', 'broken']);
    expect(removed.stdout).toBe('removed wiki/global/broken.md\n');
    const user = await ktx(['--json', 'wiki', 'remove', 'metrics/net-revenue-retention', '--user', 'ana']);
    expect(user.json()).toMatchObject({
      path: 'wiki/user/ana/metrics/net-revenue-retention.md',
      removed: true,
    });
    expect(existsSync(join(work, 'wiki/global/metrics/net-revenue-retention.md'))).toBe(true);
    const again = await ktx(['--json', 'wiki', 'remove', 'broken']);
    expect(again.json()).toMatchObject({ error: { code: 'wiki_page_missing' } });
  });
});
