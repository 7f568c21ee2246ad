import { describe, expect, it } from 'vitest';
import { parseWikiPage } from '../../src/wiki/index.js';

const codes = (text: string) =>
  parseWikiPage(text, 'wiki/global/p.md').diagnostics.map((d) => `${d.severity}:${d.code}@${d.line}`);

describe('parseWikiPage', () => {
  it('reads the reference front matter keys, the body and its line', () => {
    const text = [
      '---',
      'summary: How we compute NRR',
      'usage_mode: auto',
      'tags: [revenue, retention]',
      'refs:',
      '  - metrics/arr',
      'sl_refs: [subscriptions.nrr, shop/orders]',
      'sort_order: 2',
      '---',
      '# Net revenue retention',
      '',
      'See [[glossary/churn|churn]] and `[[not-a-link]]`.',
      '```',
      '[[fenced/link]]',
      '# not a title',
      '```',
    ].join('\n');
    const page = parseWikiPage(text, 'wiki/global/metrics/nrr.md');
    expect(page.diagnostics).toEqual([]);
    expect(page.summary).toBe('How we compute NRR');
    expect(page.title).toBe('Net revenue retention');
    expect(page.tags).toEqual(['revenue', 'retention']);
    expect(page.refs).toEqual([
      { value: 'metrics/arr', line: 6 },
      { value: 'glossary/churn', line: 12 },
    ]);
    expect(page.slRefs.map((ref) => ref.value)).toEqual(['subscriptions.nrr', 'shop/orders']);
    expect(page.bodyLine).toBe(10);
    expect(page.body.startsWith('# Net revenue retention')).toBe(true);
    expect(page.frontMatter).toMatchObject({ usage_mode: 'auto', sort_order: 2 });
  });

  it('opens a reference-ktx query-pattern page without a single diagnostic', () => {
    const text = [
      '---',
      'summary: Weekly active accounts by plan',
      'usage_mode: always',
      'sort_order: 0',
      'source: historic_sql',
      'intent: Count accounts with at least one event per ISO week',
      'tables: [analytics.events, analytics.accounts]',
      'representative_sql: |',
      "  select date_trunc('week', e.ts), count(distinct a.id)",
      '  from analytics.events e join analytics.accounts a on a.id = e.account_id',
      'usage: {executions: 412, distinct_users: 9, first_seen: 2026-01-02, last_seen: 2026-06-01, p50_runtime_ms: 820, p95_runtime_ms: 4100, error_rate: 0.01}',
      'fingerprints: [9f2c1a, 77ab03]',
      'stale_since: 2026-05-01',
      'external_refs: [{type: notion, id: abc123}]',
      'sl_refs: [warehouse/events.active_accounts]',
      '---',
      'Body.',
    ].join('\n');
    const page = parseWikiPage(text, 'wiki/global/weekly-active-accounts.md');
    expect(page.diagnostics).toEqual([]);
    expect(page.frontMatter).toMatchObject({ usage: { executions: 412 }, stale_since: '2026-05-01' });
    expect(page.slRefs).toEqual([{ value: 'warehouse/events.active_accounts', line: 15 }]);
  });

  it('prefers a front matter title over the first heading', () => {
    expect(parseWikiPage('---\ntitle: NRR\nsummary: s\n---\n# Other\n', 'p.md').title).toBe('NRR');
  });

  it('reports YAML syntax errors on the file line they are on', () => {
    expect(codes('---\nsummary: ok\ntags: [a, b\n---\nbody')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^error:front-matter-syntax@[34]$/)]),
    );
    const tab = parseWikiPage('---\nsummary: ok\nrefs: x: y\n---\n', 'p.md').diagnostics[0];
    expect(tab).toMatchObject({ severity: 'error', code: 'front-matter-syntax', line: 3, file: 'p.md' });
  });

  it('reports wrong value shapes with the line of the value', () => {
    const text = '---\nsummary: s\ntags: revenue\nusage_mode: sometimes\nsort_order: first\n---\n';
    expect(codes(text)).toEqual([
      'error:invalid-front-matter-value@3',
      'error:invalid-front-matter-value@4',
      'error:invalid-front-matter-value@5',
    ]);
    expect(parseWikiPage(text, 'p.md').diagnostics[0]?.fix).toContain('tags: [first, second]');
  });

  it('keeps unknown keys and warns with a suggestion', () => {
    const page = parseWikiPage('---\nsummary: s\nsumary: t\nowner: ana\n---\n', 'p.md');
    expect(page.frontMatter).toEqual({ summary: 's', sumary: 't', owner: 'ana' });
    expect(page.diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['unknown-front-matter-key', 3, 'warning'],
      ['unknown-front-matter-key', 4, 'warning'],
    ]);
    expect(page.diagnostics[0]?.fix).toContain('`summary`');
  });

  it('flags refs and sl_refs that are not keys or source names, on their own line', () => {
    const text =
      '---\nsummary: s\nrefs:\n  - ok\n  - ../etc/passwd\nsl_refs:\n  - "orders revenue"\n---\n[[Big Page]]\n';
    expect(codes(text)).toEqual(['error:invalid-ref@5', 'error:invalid-sl-ref@7', 'error:invalid-ref@9']);
    expect(parseWikiPage(text, 'p.md').refs.map((ref) => ref.value)).toEqual(['ok']);
  });

  it('treats a page without front matter as a warning, and an unclosed one as an error', () => {
    expect(codes('# Just notes\n')).toEqual(['warning:missing-summary@1']);
    expect(parseWikiPage('# Just notes\n', 'p.md').title).toBe('Just notes');
    expect(codes('---\nsummary: s\n# body\n')).toEqual(['error:front-matter-unterminated@1']);
    expect(codes('---\n- a\n- b\n---\n')).toEqual(['error:front-matter-not-mapping@2']);
    expect(codes('---\n---\nbody')).toEqual(['warning:missing-summary@1']);
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    const page = parseWikiPage('\uFEFF---\r\nsummary: s\r\ntags: [a]\r\n---\r\n# T\r\n', 'p.md');
    expect(page.diagnostics).toEqual([]);
    expect(page.title).toBe('T');
    expect(page.tags).toEqual(['a']);
  });

  it('flags duplicate keys', () => {
    expect(codes('---\nsummary: a\nsummary: b\n---\n')).toEqual(['error:front-matter-syntax@3']);
  });
});
