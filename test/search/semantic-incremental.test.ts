import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/app/index.js';
import { reindexProject, SEARCH_INDEX_FILE, searchProjectDetailed } from '../../src/app/search/index.js';
import { tempDir } from '../support/temp-dir.js';

// A layer with every way files compose: a scan shard, an overlay on one of its tables, a standalone
// source, one that inherits columns from the shard, and two files claiming one name.
const SHARD = `tables:
  orders:
    table: public.orders
    descriptions: {db: Orders table}
    columns:
      - {name: id, type: integer, pk: true}
      - {name: status, type: text, descriptions: {db: raw status}}
  customers:
    table: public.customers
    columns: [{name: id, type: int4, pk: true}, {name: region, type: text, descriptions: {db: Sales territory}}]
`;
const FILES: Record<string, string> = {
  '_schema/public.yaml': SHARD,
  'orders.yaml':
    'name: orders\ndescriptions: {user: Orders placed in the shop}\nmeasures: [{name: revenue, expr: "count(*)", description: Order count}]\n',
  'invoices.yaml':
    'name: invoices\ntable: public.invoices\ngrain: [id]\ncolumns: [{name: id, type: number}, {name: total, type: number, description: Invoice total}]\n',
  'regions.yaml':
    'name: regions\ntable: public.regions\ninherits_columns_from: customers\ngrain: [id]\ncolumns: [{name: id}, {name: region}]\n',
  'a/refunds.yaml':
    'name: refunds\ntable: public.refunds\ngrain: [id]\ncolumns: [{name: id, type: number, description: First refunds}]\n',
  'b/refunds.yaml':
    'name: refunds\ntable: other.refunds\ngrain: [id]\ncolumns: [{name: id, type: number, description: Second refunds}]\n',
};

interface DocRow {
  kind: string;
  key: string;
  title: string;
  path: string | null;
  summary: string | null;
  hash: string;
}

function semanticDocs(projectDir: string): DocRow[] {
  const db = new Database(join(projectDir, '.ktx', SEARCH_INDEX_FILE), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT kind, key, title, path, summary, hash FROM docs WHERE kind NOT IN ('wiki', 'value') ORDER BY kind, key",
      )
      .all() as DocRow[];
  } finally {
    db.close();
  }
}

describe('incremental indexing of semantic-layer files', () => {
  const dir = tempDir('ktx-search-sl-');
  const layer = (path: string) => join(dir, 'semantic-layer', 'wh', path);
  let tick = Date.now() / 1000;
  // Each write moves the file's mtime, even within one timestamp tick.
  const write = (path: string, text: string) => {
    mkdirSync(dirname(layer(path)), { recursive: true });
    writeFileSync(layer(path), text);
    tick += 2;
    utimesSync(layer(path), tick, tick);
  };
  const search = (query: string) => searchProjectDetailed(openProject({ projectDir: dir }), { query });
  const summaryOf = (kind: string, key: string) =>
    semanticDocs(dir).find((doc) => doc.kind === kind && doc.key === key)?.summary;

  /** The incrementally maintained documents equal those of a full reindex of the same files. */
  async function expectSameAsFullReindex() {
    const copy = tempDir('ktx-search-sl-full-');
    cpSync(dir, copy, { recursive: true, filter: (source) => !source.includes(`${dir}/.ktx`) });
    await reindexProject(openProject({ projectDir: copy }));
    expect(semanticDocs(dir)).toEqual(semanticDocs(copy));
    rmSync(copy, { recursive: true, force: true });
  }

  beforeAll(() => {
    writeFileSync(join(dir, 'ktx.yaml'), 'connections:\n  wh:\n    driver: sqlite\n    path: wh.db\n');
    for (const [path, text] of Object.entries(FILES)) write(path, text);
  });

  it('indexes the composed layer as a full load does', async () => {
    const first = await search('orders');
    expect(first.sync.changedOrigins).toBe(5); // orders, customers, invoices, regions, refunds
    expect(summaryOf('source', 'orders')).toBe('Orders placed in the shop');
    expect(summaryOf('dimension', 'regions.region')).toBe('Sales territory');
    expect(summaryOf('dimension', 'refunds.id')).toBe('First refunds');
    await expectSameAsFullReindex();
  });

  it('re-reads only the sources of an edited standalone file', async () => {
    write('invoices.yaml', FILES['invoices.yaml']!.replace('Invoice total', 'Invoice total in wombats'));
    const edited = await search('wombats');
    expect(edited.sync).toMatchObject({ changedOrigins: 1, removedOrigins: 0, inserted: 0, updated: 1 });
    expect(edited.hits[0]).toMatchObject({ kind: 'dimension', key: 'invoices.total' });
    expect((await search('wombats')).sync.changedOrigins).toBe(0);
    await expectSameAsFullReindex();
  });

  it('applies an overlay edit to the scanned source it describes, and reverts when it is removed', async () => {
    write(
      'orders.yaml',
      FILES['orders.yaml']!.replace('Orders placed in the shop', 'Orders of the quokka shop'),
    );
    const edited = await search('quokka');
    expect(edited.sync.changedOrigins).toBe(1);
    expect(edited.hits[0]).toMatchObject({ kind: 'source', key: 'orders' });
    rmSync(layer('orders.yaml'));
    const removed = await search('quokka');
    expect(removed.hits).toEqual([]);
    expect(summaryOf('source', 'orders')).toBe('Orders table');
    expect(semanticDocs(dir).some((doc) => doc.key === 'orders.revenue')).toBe(false);
    await expectSameAsFullReindex();
  });

  it('follows a renamed and a deleted source', async () => {
    write('invoices.yaml', FILES['invoices.yaml']!.replace('name: invoices', 'name: bills'));
    const renamed = await search('invoice total');
    expect(renamed.sync).toMatchObject({ changedOrigins: 1, removedOrigins: 1 });
    expect(semanticDocs(dir).map((doc) => doc.key)).toContain('bills.total');
    expect(semanticDocs(dir).some((doc) => doc.key.startsWith('invoices'))).toBe(false);
    rmSync(layer('invoices.yaml'));
    await search('invoice total');
    expect(semanticDocs(dir).some((doc) => doc.key.startsWith('bills'))).toBe(false);
    await expectSameAsFullReindex();
  });

  it('hands a name to the next file when the first claimant goes, and re-reads inheritors on a shard edit', async () => {
    rmSync(layer('a/refunds.yaml'));
    await search('refunds');
    expect(summaryOf('dimension', 'refunds.id')).toBe('Second refunds');

    write('_schema/public.yaml', SHARD.replace('Sales territory', 'Sales patch'));
    const shardEdit = await search('patch');
    // The shard's two tables and the source inheriting from it; nothing else.
    expect(shardEdit.sync.changedOrigins).toBe(3);
    expect(summaryOf('dimension', 'regions.region')).toBe('Sales patch');
    await expectSameAsFullReindex();
  });

  it('reads a shard back from its stored parse, only while the shard text is the one it was made from', async () => {
    const cacheDir = join(dir, '.ktx', 'search-cache', 'wh');
    const [parseFile] = readdirSync(cacheDir).filter((name) => name.startsWith('parse-'));
    expect(parseFile).toBeDefined();
    // Mark the stored parse: an overlay edit must load `orders` from it rather than re-parse the shard.
    const stored = readFileSync(join(cacheDir, parseFile!), 'utf8');
    writeFileSync(join(cacheDir, parseFile!), stored.replace('raw status', 'stored parse status'));
    write('orders.yaml', FILES['orders.yaml']!);
    await search('orders');
    expect(summaryOf('dimension', 'orders.status')).toBe('stored parse status');
    // A new shard text never matches the stored hash: the shard is parsed again and the store replaced.
    write(
      '_schema/public.yaml',
      SHARD.replace('Sales territory', 'Sales patch').replace('Orders table', 'All orders'),
    );
    await search('orders');
    expect(summaryOf('dimension', 'orders.status')).toBe('raw status');
    expect(readFileSync(join(cacheDir, parseFile!), 'utf8')).toContain('All orders');
    await expectSameAsFullReindex();
  });

  it('skips a file that stops parsing and recovers when it is fixed, with or without the outline store', async () => {
    write('regions.yaml', 'name: [regions\n');
    await search('regions');
    expect(semanticDocs(dir).some((doc) => doc.key.startsWith('regions'))).toBe(false);
    write('regions.yaml', FILES['regions.yaml']!);
    rmSync(join(dir, '.ktx', 'search-cache'), { recursive: true, force: true });
    const fixed = await search('regions');
    expect(fixed.sync.changedOrigins).toBe(1);
    expect(summaryOf('dimension', 'regions.region')).toBe('Sales patch');
    await expectSameAsFullReindex();
  });
});
