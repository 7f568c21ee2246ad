import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSaasProject } from '../../bench/search/saas-project.mjs';
import { openProject } from '../../src/app/index.js';
import { reindexProject, searchProject, searchProjectDetailed } from '../../src/app/search/index.js';
import { tempDir } from '../support/temp-dir.js';

describe('searchProject over wiki, semantic layer and scanned values', () => {
  const dir = tempDir('ktx-search-');
  beforeAll(() => {
    writeSaasProject(dir);
  });
  const project = () => openProject({ projectDir: dir });

  it('ranks the NRR page and measure first for "net revenue retention"', async () => {
    const hits = await searchProject(project(), { query: 'net revenue retention' });
    expect(
      hits
        .slice(0, 2)
        .map((hit) => `${hit.kind}:${hit.key}`)
        .sort(),
    ).toEqual(['measure:mrr_movements.net_revenue_retention', 'wiki:metrics/net-revenue-retention']);
    expect(hits[0]?.score).toBe(1);
    const page = hits.find((hit) => hit.kind === 'wiki');
    expect(page).toMatchObject({
      title: 'Net revenue retention',
      path: 'wiki/global/metrics/net-revenue-retention.md',
    });
    expect(page?.snippet).not.toBe('');
  });

  it('finds a column by one of its sampled values', async () => {
    const hits = await searchProject(project(), { query: 'enterprise', kinds: ['value'] });
    expect(hits[0]).toMatchObject({ kind: 'value', key: 'accounts.plan_tier', connectionId: 'warehouse' });
    expect(hits[0]?.snippet).toContain('enterprise');
    const mixed = await searchProject(project(), { query: 'enterprise customers' });
    expect(mixed.slice(0, 5).map((hit) => hit.key)).toContain('accounts.plan_tier');
  });

  it('matches identifiers however they are written', async () => {
    for (const query of ['customer_id', 'CustomerId', 'customer id', 'customerId']) {
      const hits = await searchProject(project(), { query, kinds: ['dimension'] });
      expect(hits[0]?.key, query).toBe('orders.customer_id');
    }
    const camel = await searchProject(project(), { query: 'NetRevenueRetention', kinds: ['measure'] });
    expect(camel[0]?.key).toBe('mrr_movements.net_revenue_retention');
  });

  it('filters by kind and limit, and collapses a page’s chunks into one hit', async () => {
    const hits = await searchProject(project(), { query: 'revenue', kinds: ['wiki'], limit: 3 });
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.every((hit) => hit.kind === 'wiki')).toBe(true);
    expect(new Set(hits.map((hit) => hit.key)).size).toBe(hits.length);
  });

  it('picks up an edited, added and removed page on the next search without a reindex', async () => {
    await searchProject(project(), { query: 'warm up' });
    const path = join(dir, 'wiki', 'global', 'glossary', 'plan-tiers.md');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replace('Pro adds SSO.', 'Pro adds SSO and the zanzibar audit log.'));
    const edited = await searchProjectDetailed(project(), { query: 'zanzibar audit log' });
    expect(edited.hits[0]).toMatchObject({ kind: 'wiki', key: 'glossary/plan-tiers' });
    // Only the edited file was re-read, and only its documents rewritten.
    expect(edited.sync).toMatchObject({ changedOrigins: 1, removedOrigins: 0, inserted: 0 });
    expect(edited.sync.updated).toBeGreaterThanOrEqual(1);

    const again = await searchProjectDetailed(project(), { query: 'zanzibar' });
    expect(again.sync.changedOrigins).toBe(0);

    // Touching without changing content re-reads the page but rewrites nothing.
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const touched = await searchProjectDetailed(project(), { query: 'zanzibar' });
    expect(touched.sync).toMatchObject({ changedOrigins: 1, inserted: 0, updated: 0, deleted: 0 });

    const added = join(dir, 'wiki', 'global', 'ops', 'on-call.md');
    writeFileSync(join(dir, 'wiki', 'global', 'glossary', 'x.md'), '---\nsummary: x\n---\nplaceholder\n');
    rmSync(join(dir, 'wiki', 'global', 'glossary', 'x.md'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'wiki', 'global', 'ops'), { recursive: true });
    writeFileSync(
      added,
      '---\nsummary: Who is paged at night\n---\n# On-call rota\n\nThe quokka rotation.\n',
    );
    expect((await searchProject(project(), { query: 'quokka' }))[0]?.key).toBe('ops/on-call');
    rmSync(added);
    expect(await searchProject(project(), { query: 'quokka' })).toEqual([]);
    writeFileSync(path, before);
  });

  it('re-indexes a changed semantic-layer file and drops a removed source', async () => {
    const file = join(dir, 'semantic-layer', 'warehouse', 'products.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Number of products in the catalog', 'Number of wombat products'));
    const hits = await searchProject(project(), { query: 'wombat', kinds: ['measure'] });
    expect(hits[0]?.key).toBe('products.product_count');
    rmSync(file);
    expect(await searchProject(project(), { query: 'wombat' })).toEqual([]);
    writeFileSync(file, text);
  });

  it('rebuilds everything on reindex', async () => {
    const result = await reindexProject(project());
    expect(result.documents).toBeGreaterThan(100);
    expect(result.byKind).toMatchObject({
      wiki: expect.any(Number),
      measure: expect.any(Number),
      value: expect.any(Number),
    });
    expect(result.vectors).toBe(0);
    expect((await searchProject(project(), { query: 'net revenue retention' }))[0]?.score).toBe(1);
  });

  it('rejects an empty query and an unknown kind with a fix', async () => {
    await expect(searchProject(project(), { query: '  ' })).rejects.toMatchObject({
      code: 'search_query_invalid',
    });
    await expect(searchProject(project(), { query: 'x', kinds: ['nope' as 'wiki'] })).rejects.toMatchObject({
      code: 'search_query_invalid',
      fix: expect.stringContaining('wiki'),
    });
  });
});
