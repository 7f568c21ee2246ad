import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWiki, type WikiSemanticCatalog } from '../../src/wiki/index.js';
import { tempDir } from '../support/temp-dir.js';

function put(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const catalog: WikiSemanticCatalog = {
  sources: ['shop/orders', 'shop/customers', 'crm/accounts'],
  measures: ['shop/orders.revenue', 'shop/orders.order_count', 'crm/accounts.arr'],
  segments: ['shop/orders.paid'],
  columns: ['shop/orders.status', 'shop/customers.segment'],
};

describe('checkWiki', () => {
  const dir = tempDir();
  put(
    dir,
    'wiki/global/metrics/revenue.md',
    '---\nsummary: Revenue\nrefs: [glossary]\nsl_refs: [orders.revenue, shop/orders.paid, orders.status, crm.accounts]\n---\nSee [[glossary]].\n',
  );
  put(dir, 'wiki/global/glossary.md', '---\nsummary: Terms\n---\n');
  put(
    dir,
    'wiki/global/broken.md',
    [
      '---',
      'summary: Broken refs',
      'refs:',
      '  - glosary',
      '  - private-note',
      'sl_refs:',
      '  - order.revenue',
      '  - orders.revenu',
      '  - crm/orders',
      '  - accounts.arr',
      '---',
      'Body line 12 links [[metrics/revenue]] and [[metrics/revenu]].',
    ].join('\n'),
  );
  put(dir, 'wiki/user/ana/private-note.md', '---\nsummary: mine\nrefs: [glossary, private-note]\n---\n');
  put(dir, 'wiki/user/ana/bad.md', '---\nsummary: s\nusage_mode: sometimes\n---\n');
  put(dir, 'wiki/global/Bad Name.md', '---\nsummary: s\n---\n');

  it('reports broken refs, links and sl_refs with file and line, and nothing for sound pages', () => {
    const found = checkWiki(dir, catalog).map((d) => `${d.severity} ${d.file}:${d.line ?? '-'} ${d.code}`);
    expect(found).toEqual([
      'warning wiki/global/Bad Name.md:- invalid-page-name',
      'error wiki/global/broken.md:4 broken-ref',
      'error wiki/global/broken.md:5 broken-ref',
      'error wiki/global/broken.md:7 broken-sl-ref',
      'error wiki/global/broken.md:8 broken-sl-ref',
      'error wiki/global/broken.md:9 broken-sl-ref',
      'error wiki/global/broken.md:12 broken-ref',
      'error wiki/user/ana/bad.md:3 invalid-front-matter-value',
    ]);
  });

  it('suggests close names', () => {
    const messages = checkWiki(dir, catalog).map((d) => d.message);
    expect(messages).toContain('ref `glosary` names no wiki page (did you mean `glossary`?)');
    expect(messages).toContain(
      'sl_ref `order.revenue` names no semantic-layer source (did you mean `orders`?)',
    );
    expect(messages).toContain(
      'sl_ref `orders.revenu`: source `orders` has no measure, segment or column `revenu` (did you mean `revenue`?)',
    );
    expect(messages).toContain('sl_ref `crm/orders` names no semantic-layer source in connection `crm`');
  });

  it('resolves a user page against global pages plus that user’s own, never another user’s', () => {
    put(dir, 'wiki/user/bob/x.md', '---\nsummary: s\nrefs: [private-note]\n---\n');
    const bob = checkWiki(dir, catalog).filter((d) => d.file === 'wiki/user/bob/x.md');
    expect(bob.map((d) => [d.code, d.line])).toEqual([['broken-ref', 3]]);
  });

  it('skips sl_refs without a catalog, and narrows to given paths', () => {
    const codes = checkWiki(dir, undefined, { paths: ['wiki/global/broken.md'] }).map(
      (d) => `${d.line}:${d.code}`,
    );
    expect(codes).toEqual(['4:broken-ref', '5:broken-ref', '12:broken-ref']);
  });
});
