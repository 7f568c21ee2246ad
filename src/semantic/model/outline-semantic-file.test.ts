import { describe, expect, it } from 'vitest';
import { loadSemanticModel, type SemanticLayerFile } from './load-semantic-model.js';
import { outlineSemanticFile } from './outline-semantic-file.js';
import type { SemanticSource } from './semantic-model.js';
import { SemanticParseCache } from './semantic-parse-cache.js';

const file = (path: string, text: string) => ({ path: `semantic-layer/wh/${path}`, text });

const FILES: SemanticLayerFile[] = [
  file(
    '_schema/public.yaml',
    `tables:
  orders:
    table: public.orders
    descriptions: {db: Orders table}
    columns:
      - {name: id, type: integer, pk: true}
      - {name: status, type: text, descriptions: {db: raw status}}
  customers:
    table: public.customers
    columns: [{name: id, type: int4, pk: true}, {name: region, type: text, descriptions: {db: Sales region}}]
  refunds:
    table: public.refunds
    columns: [{name: id, type: int4}]
`,
  ),
  file(
    '_schema/sales.yaml',
    'tables:\n  orders:\n    table: sales.orders\n    columns: [{name: id, type: int}]\n',
  ),
  file(
    'orders.yaml',
    'name: orders\ndescriptions: {user: Orders placed in the shop}\nmeasures: [{name: revenue, expr: "count(*)"}]\n',
  ),
  file('orders2.yaml', 'name: orders\ndescriptions: {user: second overlay loses}\n'),
  file(
    'regions.yaml',
    'name: regions\ntable: public.regions\ninherits_columns_from: CUSTOMERS\ngrain: [id]\ncolumns: [{name: id}, {name: region}]\n',
  ),
  file(
    'a/refunds.yaml',
    'name: refunds\ntable: public.refunds\ngrain: [id]\ncolumns: [{name: id, type: number}]\n',
  ),
  file(
    'b/refunds.yaml',
    'name: refunds\ntable: other.refunds\ngrain: [id]\ncolumns: [{name: id, type: number}]\n',
  ),
  file('broken.yaml', 'name: [unclosed\n'),
  file('nameless.yaml', 'table: public.x\n'),
  file('README.md', '# not yaml'),
];

/** What a source is apart from `physicalColumns`, which a partial load may learn from fewer shards. */
const shape = (source: SemanticSource | undefined) => {
  if (!source) return undefined;
  const { physicalColumns: _ignored, ...rest } = source;
  return rest;
};

describe('outlineSemanticFile and partial loads', () => {
  it('outlines each file by the loader’s rules', () => {
    const outlines = Object.fromEntries(
      FILES.map((each) => [each.path.replace('semantic-layer/wh/', ''), outlineSemanticFile(each)]),
    );
    expect(outlines['_schema/public.yaml']).toEqual({
      kind: 'manifest',
      names: ['orders', 'customers', 'refunds'],
      readsManifest: false,
    });
    expect(outlines['orders.yaml']).toEqual({ kind: 'authored', names: ['orders'], readsManifest: false });
    expect(outlines['regions.yaml']).toEqual({ kind: 'authored', names: ['regions'], readsManifest: true });
    expect(outlines['broken.yaml']?.names).toEqual([]);
    expect(outlines['nameless.yaml']?.names).toEqual([]);
    expect(outlines['README.md']?.kind).toBe('ignored');
  });

  it('loads any source alike from just the files that declare it (plus shards when it inherits)', () => {
    const full = loadSemanticModel(FILES, { dialect: 'postgres' }).model;
    const outlines = FILES.map((each) => ({ each, outline: outlineSemanticFile(each) }));
    const names = new Set(outlines.flatMap(({ outline }) => outline.names));
    expect([...names].sort()).toEqual(['customers', 'orders', 'refunds', 'regions']);
    for (const name of names) {
      const declaring = outlines.filter(({ outline }) => outline.names.includes(name));
      const inherits = declaring.some(({ outline }) => outline.readsManifest);
      const subset = outlines
        .filter(({ outline }) => outline.names.includes(name) || (inherits && outline.kind === 'manifest'))
        .map(({ each }) => each);
      const partial = loadSemanticModel(subset, { dialect: 'postgres', only: new Set([name]) }).model;
      expect(shape(partial.sources.get(name)), name).toEqual(shape(full.sources.get(name)));
    }
    // The overlay composed (first overlay in path order wins), and inheritance found its entry.
    expect(full.sources.get('orders')?.description).toBe('Orders placed in the shop');
    expect(full.sources.get('regions')?.columns[1]?.description).toBe('Sales region');
  });

  it('skips other shard entries under `only`, and a shared parse cache changes nothing', () => {
    const shard = FILES[0] as SemanticLayerFile;
    const partial = loadSemanticModel([shard], { dialect: 'postgres', only: new Set(['customers']) });
    expect([...partial.model.sources.keys()]).toEqual(['customers']);

    const cache = new SemanticParseCache();
    for (const each of FILES) outlineSemanticFile(each, cache);
    const cached = loadSemanticModel(FILES, { dialect: 'postgres', parseCache: cache });
    const plain = loadSemanticModel(FILES, { dialect: 'postgres' });
    expect(cached.diagnostics).toEqual(plain.diagnostics);
    expect([...cached.model.sources]).toEqual([...plain.model.sources]);
    // Loading twice from one cache must not see values changed by the first load.
    expect(loadSemanticModel(FILES, { dialect: 'postgres', parseCache: cache })).toEqual(cached);
  });
});
