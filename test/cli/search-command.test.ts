import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSaasProject } from '../../bench/search/saas-project.mjs';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'ktx.js');

interface Hit {
  kind: string;
  key: string;
  score: number;
  snippet: string;
}

describe('ktx search / ktx sl <query> / ktx admin reindex', () => {
  const dir = tempDir('ktx-search-cli-');
  beforeAll(() => {
    writeSaasProject(dir);
  });
  const ktx = (...args: string[]) => runCli(['--project-dir', dir, ...args]);

  it('prints mixed results with kind, key, score and snippet', async () => {
    const json = await ktx('--json', 'search', 'net', 'revenue', 'retention');
    expect(json.code, json.stderr).toBe(0);
    const body = json.json<{ query: string; mode: string; hits: Hit[] }>();
    expect(body).toMatchObject({ query: 'net revenue retention', mode: 'lexical' });
    expect(
      body.hits
        .slice(0, 2)
        .map((hit) => hit.key)
        .sort(),
    ).toEqual(['metrics/net-revenue-retention', 'mrr_movements.net_revenue_retention']);
    const plain = await ktx('search', 'enterprise');
    expect(plain.stdout.split('\n')[0]).toBe('KIND\tKEY\tSCORE\tSNIPPET');
    expect(plain.stdout).toContain('value\taccounts.plan_tier\t');
  });

  it('filters with --kind (repeatable or comma-separated) and --limit', async () => {
    const result = await ktx(
      '--json',
      'search',
      'revenue',
      '--kind',
      'measure,segment',
      '--kind',
      'wiki',
      '--limit',
      '4',
    );
    const hits = result.json<{ hits: Hit[] }>().hits;
    expect(hits).toHaveLength(4);
    expect(hits.every((hit) => ['measure', 'segment', 'wiki'].includes(hit.kind))).toBe(true);
    const bad = await ktx('--json', 'search', 'x', '--kind', 'tables');
    expect(bad.code).toBe(2);
    expect(bad.json()).toMatchObject({
      error: { code: 'invalid_argument', fix: expect.stringContaining('measure') },
    });
  });

  it('ktx sl <query> is the semantic-layer view of the same index', async () => {
    const result = await ktx('--json', 'sl', 'overdue', 'invoices');
    expect(result.code, result.stderr).toBe(0);
    const body = result.json<{ hits: Hit[]; sources: { name: string }[] }>();
    expect(body.hits.every((hit) => hit.kind !== 'wiki' && hit.kind !== 'value')).toBe(true);
    expect(body.hits[0]?.key).toBe('invoices.overdue');
    expect(body.sources[0]?.name).toBe('invoices');
  });

  it('ktx admin reindex rebuilds .ktx/search.sqlite', async () => {
    const result = await ktx('--json', 'admin', 'reindex');
    expect(result.code, result.stderr).toBe(0);
    expect(result.json<{ documents: number; byKind: Record<string, number> }>()).toMatchObject({
      documents: expect.any(Number),
      byKind: { source: 10, wiki: 12 },
    });
    expect(existsSync(join(dir, '.ktx', 'search.sqlite'))).toBe(true);
  });

  it('two ktx processes syncing a fresh index at once leave it whole (built binary)', async () => {
    const fresh = tempDir('ktx-search-race-');
    writeSaasProject(fresh);
    const search = () =>
      run(process.execPath, [BIN, '--project-dir', fresh, '--json', 'search', 'churn'], { timeout: 60_000 });
    const results = await Promise.all([search(), search(), search()]);
    for (const result of results) expect(JSON.parse(result.stdout).hits.length).toBeGreaterThan(0);
    const db = new Database(join(fresh, '.ktx', 'search.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const docs = db.prepare('SELECT COUNT(*) FROM docs').pluck().get();
      expect(db.prepare('SELECT COUNT(*) FROM docs_fts').pluck().get()).toBe(docs);
      expect(
        db
          .prepare('SELECT COUNT(*) FROM (SELECT origin, ident FROM docs GROUP BY origin, ident)')
          .pluck()
          .get(),
      ).toBe(docs);
      expect(db.prepare("SELECT COUNT(*) FROM docs WHERE kind = 'source'").pluck().get()).toBe(10);
    } finally {
      db.close();
    }
  });
});
