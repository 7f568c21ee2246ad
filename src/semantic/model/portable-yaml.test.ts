import { describe, expect, it } from 'vitest';
import { loadSemanticModel, type SemanticLayerFile } from './load-semantic-model.js';
import type { PortableYaml } from './portable-yaml.js';
import { SemanticParseCache } from './semantic-parse-cache.js';
import { parseYamlFile } from './yaml-file.js';

const file = (path: string, text: string): SemanticLayerFile => ({ path: `semantic-layer/wh/${path}`, text });

// Files with findings on many lines: unknown keys, bad values, broken entries, flow and block style.
const FILES: SemanticLayerFile[] = [
  file(
    '_schema/public.yaml',
    `tables:
  orders:
    table: public.orders
    descriptions: {db: Orders table}
    colour: red
    columns:
      - {name: id, type: integer, pk: true}
      - name: status
        type: text
        descriptions: {db: raw status}
        sizes: 3
    joins:
      - {to: customers, "on": "orders.customer_id = customers.id", relationship: many_to_one}
  customers:
    table: public.customers
    columns: [{name: id, type: int4, pk: true}, {name: '0', type: text}]
  broken:
    table: 12
  nocolumns:
    table: public.nocolumns
`,
  ),
  file(
    'orders.yaml',
    `name: orders
descriptions: {user: Orders placed in the shop}
description: singular is wrong here
column_overrides:
  - {name: STATUS, visibility: internal, descriptions: {user: Order status}}
  - {name: missing, descriptions: {user: nothing to patch}}
measures:
  - {name: revenue, expr: "sum(amount", description: broken SQL}
  - {name: orders, expr: "count(*)"}
segments:
  - {name: big, expr: "amount > 100"}
`,
  ),
  file(
    'standalone.yaml',
    `name: invoices
table: public.invoices
grain: [id]
columns:
  - {name: id, type: integer}
  - {name: total, type: number, role: weird}
joins:
  - {to: orders, "on": "invoices.order_id = orders.id", relationship: many_to_one}
measures:
  - {name: total, expr: "sum(total)"}
`,
  ),
  file('empty.yaml', ''),
  file('scalar.yaml', 'just a scalar\n'),
];

const roundTrip = (portable: PortableYaml): PortableYaml => JSON.parse(JSON.stringify(portable));

describe('portable parses', () => {
  it('load exactly as parsed text does: same model, same diagnostics with the same lines', () => {
    const plain = loadSemanticModel(FILES, { dialect: 'postgres' });
    expect(plain.diagnostics.filter((diagnostic) => diagnostic.line !== undefined).length).toBeGreaterThan(5);

    const first = new SemanticParseCache();
    const adopted = new SemanticParseCache();
    for (const each of FILES) {
      first.parse(each.path, each.text);
      const portable = first.portable(each.path);
      expect(portable, each.path).toBeDefined();
      adopted.adopt(each.path, each.text, roundTrip(portable!));
    }
    const fromPortable = loadSemanticModel(FILES, { dialect: 'postgres', parseCache: adopted });
    expect(fromPortable.diagnostics).toEqual(plain.diagnostics);
    expect([...fromPortable.model.sources]).toEqual([...plain.model.sources]);
  });

  it('answers lineOf like the document for every lookup shape', () => {
    const text = FILES[0]!.text;
    const parsed = parseYamlFile('x.yaml', text);
    const cache = new SemanticParseCache();
    cache.parse('x.yaml', text);
    cache.adopt('y.yaml', text, roundTrip(cache.portable('x.yaml')!));
    const adopted = cache.parse('y.yaml', text);
    if (!parsed.ok || !adopted.ok) throw new Error('fixture must parse');
    const lookups: [(string | number)[], string?][] = [
      [[]],
      [[], 'tables'],
      [['tables', 'orders']],
      [['tables', 'orders'], 'colour'],
      [['tables', 'orders', 'columns', 1]],
      [['tables', 'orders', 'columns', '1']],
      [['tables', 'orders', 'columns', 1], 'sizes'],
      [['tables', 'orders', 'columns', 1, 'type']],
      [['tables', 'orders', 'columns', 1, 'type', 'deeper']],
      [['tables', 'orders', 'columns', 7]],
      [['tables', 'orders', 'columns', -1]],
      [['tables', 'orders', 'columns'], 'name'],
      [['tables', 'customers', 'columns', 1, 'name']],
      [['tables', 'nope']],
      [['tables', 'nocolumns'], 'columns'],
      [[0]],
    ];
    for (const [path, key] of lookups)
      expect(adopted.yaml.lineOf(path, key), JSON.stringify([path, key])).toBe(parsed.yaml.lineOf(path, key));
  });

  it('has no portable form for documents JSON would change', () => {
    const cache = new SemanticParseCache();
    for (const [path, text] of [
      ['alias.yaml', 'base: &b {a: 1}\ncopy: *b\n'],
      ['inf.yaml', 'x: .inf\n'],
      ['nan.yaml', 'x: .nan\n'],
      ['negative-zero.yaml', 'x: -0.0\n'],
      ['number-key.yaml', '1: one\n'],
      ['broken.yaml', 'x: [\n'],
    ] as const) {
      cache.parse(path, text);
      expect(cache.portable(path), path).toBeUndefined();
    }
  });
});
