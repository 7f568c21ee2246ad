import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/index.js';
import { loadSemanticModel } from './load-semantic-model.js';

const file = (path: string, text: string) => ({ path: `semantic-layer/wh/${path}`, text });
const load = (...files: { path: string; text: string }[]) =>
  loadSemanticModel(files, { dialect: 'postgres' });
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);
const find = (diagnostics: readonly Diagnostic[], code: string) =>
  diagnostics.find((each) => each.code === code);

const SHARD = file(
  '_schema/public.yaml',
  `tables:
  orders:
    table: public.orders
    descriptions: {db: Orders table, ai: Customer orders}
    columns:
      - {name: id, type: integer, pk: true}
      - {name: customer_id, type: bigint}
      - {name: amount, type: "numeric(12,2)"}
      - {name: status, type: character varying, descriptions: {db: raw status}}
      - {name: created_at, type: timestamp with time zone}
      - {name: is_test, type: boolean}
      - {name: payload, type: jsonb}
    joins:
      - {to: customers, "on": "orders.customer_id = customers.id", relationship: many_to_one, source: formal}
  customers:
    table: public.customers
    columns:
      - {name: id, type: int4}
      - {name: name, type: text}
`,
);

describe('two-tier loading', () => {
  it('projects manifest entries: grain from pk else all columns, semantic types, time role, dropped provenance', () => {
    const { model, diagnostics } = load(SHARD);
    expect(diagnostics).toEqual([]);
    const orders = model.sources.get('orders')!;
    expect(orders.relation).toEqual({ kind: 'table', path: ['public', 'orders'] });
    expect(orders.grain).toEqual(['id']);
    expect(orders.columns.map((column) => [column.name, column.type, column.role])).toEqual([
      ['id', 'number', 'default'],
      ['customer_id', 'number', 'default'],
      ['amount', 'number', 'default'],
      ['status', 'string', 'default'],
      ['created_at', 'time', 'time'],
      ['is_test', 'boolean', 'default'],
      ['payload', 'string', 'default'],
    ]);
    expect(orders.columns[2]!.metadata?.nativeType).toBe('numeric(12,2)');
    expect(orders.description).toBe('Customer orders');
    expect(orders.joins).toEqual([
      expect.objectContaining({
        to: 'customers',
        relationship: 'many_to_one',
        keys: [{ from: 'customer_id', to: 'id' }],
      }),
    ]);
    expect(model.sources.get('customers')!.grain).toEqual(['id', 'name']);
  });

  it('composes an overlay: measures, segments, descriptions by priority, overrides, exclusions, computed columns', () => {
    const { model, diagnostics } = load(
      SHARD,
      file(
        'orders.yaml',
        `name: orders
descriptions: {user: Orders placed in the shop}
column_overrides:
  - {name: status, visibility: internal, descriptions: {user: Order status}}
  - {name: AMOUNT, role: default, descriptions: {ai: Order total}}
exclude_columns: [payload]
columns:
  - {name: is_big, type: boolean, expr: "amount > 100"}
segments:
  - {name: paid, expr: "status = 'paid'"}
measures:
  - {name: revenue, expr: sum(amount), segments: [paid], description: Paid revenue}
  - {name: order_count, expr: count(*)}
`,
      ),
    );
    expect(diagnostics).toEqual([]);
    const orders = model.sources.get('orders')!;
    expect(orders.file).toBe('semantic-layer/wh/orders.yaml');
    expect(orders.description).toBe('Orders placed in the shop');
    expect(orders.columns.map((column) => column.name)).toEqual([
      'id',
      'customer_id',
      'amount',
      'status',
      'created_at',
      'is_test',
      'is_big',
    ]);
    const status = orders.columns.find((column) => column.name === 'status')!;
    expect(status).toMatchObject({ visibility: 'internal', description: 'Order status' });
    expect(orders.columns.find((column) => column.name === 'amount')!.description).toBe('Order total');
    expect(orders.columns.at(-1)!.expr).toMatchObject({ kind: 'binary', op: '>' });
    expect(orders.measures.map((measure) => measure.name)).toEqual(['revenue', 'order_count']);
    expect(orders.measures[0]).toMatchObject({ segments: ['paid'], description: 'Paid revenue' });
    expect(orders.segments.map((segment) => segment.name)).toEqual(['paid']);
    expect(orders.physicalColumns).toContain('payload');
  });

  it('reports overlay rule violations and applies the rest', () => {
    const { model, diagnostics } = load(
      SHARD,
      file(
        'orders.yaml',
        `name: orders
grain: [id, customer_id]
column_overrides:
  - {name: stauts, visibility: hidden}
  - {name: payload, visibility: hidden}
exclude_columns: [payload, nope]
columns:
  - {name: amount, type: number, expr: "amount * 2"}
disable_joins: ["orders.customer_id   =  customers.id", "x = customers.y"]
joins:
  - {to: customers, "on": "orders.customer_id = customers.id", relationship: one_to_one}
measures:
  - {name: n, expr: count(*)}
`,
      ),
    );
    expect(codes(diagnostics)).toEqual([
      'override-unknown-column',
      'override-excluded-column',
      'exclude-unknown-column',
      'computed-column-collides',
      'disable-join-unmatched',
    ]);
    expect(find(diagnostics, 'override-unknown-column')!.message).toContain('did you mean `status`');
    const orders = model.sources.get('orders')!;
    expect(orders.grain).toEqual(['id', 'customer_id']);
    // The scanned join was disabled and the overlay's join (same `on`) takes its place.
    expect(orders.joins).toEqual([expect.objectContaining({ relationship: 'one_to_one' })]);
    expect(orders.columns.some((column) => column.name === 'payload')).toBe(false);
    expect(orders.measures.map((measure) => measure.name)).toEqual(['n']);
  });

  it('keeps a scanned join over an identical overlay join and says so', () => {
    const { model, diagnostics } = load(
      SHARD,
      file(
        'orders.yaml',
        `name: orders
joins:
  - {to: customers, "on": "orders.customer_id = customers.id", relationship: one_to_one}
`,
      ),
    );
    expect(codes(diagnostics)).toEqual(['overlay-join-shadowed']);
    expect(model.sources.get('orders')!.joins).toEqual([
      expect.objectContaining({ relationship: 'many_to_one' }),
    ]);
  });

  it('lets a standalone source replace a manifest entry, with a warning', () => {
    const { model, diagnostics } = load(
      SHARD,
      file(
        'orders_file.yaml',
        `name: orders
table: analytics.orders_v2
grain: [order_id]
columns:
  - {name: order_id, type: string}
`,
      ),
    );
    expect(codes(diagnostics)).toEqual(['standalone-replaces-manifest', 'disconnected-components']);
    expect(model.sources.get('orders')!.relation).toEqual({
      kind: 'table',
      path: ['analytics', 'orders_v2'],
    });
  });

  it('skips an orphan overlay with "did you mean"', () => {
    const { model, diagnostics } = load(
      SHARD,
      file('ordrs.yaml', 'name: ordrs\nmeasures: [{name: n, expr: count(*)}]\n'),
    );
    expect(codes(diagnostics)).toEqual(['orphan-overlay']);
    expect(find(diagnostics, 'orphan-overlay')).toMatchObject({
      severity: 'warning',
      file: 'semantic-layer/wh/ordrs.yaml',
      line: 1,
    });
    expect(find(diagnostics, 'orphan-overlay')!.message).toContain('did you mean `orders`');
    expect(model.sources.has('ordrs')).toBe(false);
  });

  it('identifies sources by name, not filename, and reports duplicates', () => {
    const source = (table: string) =>
      `name: shipments\ntable: ${table}\ngrain: [id]\ncolumns: [{name: id, type: string}]\n`;
    const { model, diagnostics } = load(file('a.yaml', source('s.a')), file('b.yml', source('s.b')));
    expect(codes(diagnostics)).toEqual(['duplicate-source']);
    expect(find(diagnostics, 'duplicate-source')).toMatchObject({
      file: 'semantic-layer/wh/b.yml',
      path: 'name',
    });
    expect(model.sources.get('shipments')!.relation).toEqual({ kind: 'table', path: ['s', 'a'] });
  });

  it('reports a name repeated across manifest shards', () => {
    const other = file(
      '_schema/sales.yaml',
      'tables:\n  customers:\n    table: sales.customers\n    columns: [{name: id, type: int}]\n',
    );
    const { model, diagnostics } = load(SHARD, other);
    expect(codes(diagnostics)).toEqual(['duplicate-source']);
    expect(model.sources.get('customers')!.relation).toEqual({
      kind: 'table',
      path: ['public', 'customers'],
    });
  });
});

describe('standalone sources', () => {
  it('fills blank column metadata from inherits_columns_from (by table suffix, case-insensitive)', () => {
    const { model, diagnostics } = load(
      SHARD,
      file(
        'big_orders.yaml',
        `name: big_orders
sql: select id, status, amount as total from public.orders where amount > 100
inherits_columns_from: PUBLIC.ORDERS
grain: [id]
columns:
  - {name: id}
  - {name: status, descriptions: {user: Mine}}
  - {name: total, type: number}
`,
      ),
    );
    expect(diagnostics.filter((each) => each.severity === 'error')).toEqual([]);
    const source = model.sources.get('big_orders')!;
    expect(source.columns.map((column) => [column.name, column.type, column.description])).toEqual([
      ['id', 'number', undefined],
      ['status', 'string', 'Mine'],
      ['total', 'number', undefined],
    ]);
    expect(source.physicalColumns).toEqual(['id', 'status', 'total']);
  });

  it('warns when inherits_columns_from matches nothing and reports the missing type', () => {
    const { model, diagnostics } = load(
      SHARD,
      file(
        'x.yaml',
        'name: x\ntable: public.x\ninherits_columns_from: ordres\ngrain: [id]\ncolumns: [{name: id}]\njoins: [{to: orders, "on": "id = orders.id", relationship: one_to_one}]\n',
      ),
    );
    expect(codes(diagnostics)).toEqual(['inherits-unmatched', 'missing-column-type']);
    expect(find(diagnostics, 'inherits-unmatched')!.message).toContain('did you mean `orders`');
    expect(model.sources.get('x')!.columns[0]!.type).toBe('string');
  });

  it('maps a database column type with a warning and suggests the semantic one for a typo', () => {
    const { model, diagnostics } = load(
      file(
        'x.yaml',
        'name: x\ntable: x\ngrain: [id]\ncolumns:\n  - {name: id, type: integer}\n  - {name: label, type: strng}\n',
      ),
    );
    expect(codes(diagnostics)).toEqual(['database-column-type', 'invalid-column-type']);
    expect(find(diagnostics, 'invalid-column-type')).toMatchObject({ path: 'columns.1.type', line: 6 });
    expect(find(diagnostics, 'invalid-column-type')!.message).toContain('did you mean `string`');
    expect(model.sources.get('x')!.columns.map((column) => column.type)).toEqual(['number', 'string']);
  });

  it('refuses both table and sql', () => {
    const { model, diagnostics } = load(
      file(
        'x.yaml',
        'name: x\ntable: t\nsql: select 1 as a\ngrain: [a]\ncolumns: [{name: a, type: number}]\n',
      ),
    );
    expect(codes(diagnostics)).toEqual(['table-and-sql']);
    expect(model.sources.size).toBe(0);
  });

  it('resolves descriptions by priority user > ai > dbt > db, then any origin', () => {
    const { model } = load(
      file(
        'x.yaml',
        `name: x
table: t
descriptions: {db: from db, dbt: from dbt}
grain: [a]
columns:
  - {name: a, type: number, descriptions: {db: D, ai: A, user: ""}}
  - {name: b, type: number, descriptions: {ktx: K}}
  - {name: c, type: number, description: explicit, descriptions: {user: U}}
`,
      ),
    );
    const source = model.sources.get('x')!;
    expect(source.description).toBe('from dbt');
    expect(source.columns.map((column) => column.description)).toEqual(['A', 'K', 'explicit']);
  });
});

describe('join on', () => {
  const sources = (on: string, extra = '') =>
    load(
      file(
        'customers.yaml',
        'name: customers\ntable: c\ngrain: [id, region]\ncolumns: [{name: id, type: number}, {name: region, type: string}]\n',
      ),
      file(
        'orders.yaml',
        `name: orders\ntable: o\ngrain: [id]\ncolumns: [{name: id, type: number}, {name: customer_id, type: number}, {name: region, type: string}]\njoins: [{to: customers, "on": "${on}", relationship: many_to_one${extra}}]\n`,
      ),
    );

  it('reads a reversed `on` by its qualifiers', () => {
    const { model, diagnostics } = sources('customers.id = customer_id');
    expect(diagnostics).toEqual([]);
    expect(model.sources.get('orders')!.joins[0]!.keys).toEqual([{ from: 'customer_id', to: 'id' }]);
  });

  it('reads a composite `on` in mixed orientations', () => {
    const { model, diagnostics } = sources('orders.customer_id = customers.id AND customers.region = region');
    expect(diagnostics).toEqual([]);
    expect(model.sources.get('orders')!.joins[0]!.keys).toEqual([
      { from: 'customer_id', to: 'id' },
      { from: 'region', to: 'region' },
    ]);
  });

  it('reads a role-playing alias as the target', () => {
    const { model, diagnostics } = sources('billing.id = customer_id', ', alias: billing');
    expect(diagnostics).toEqual([]);
    expect(model.sources.get('orders')!.joins[0]).toMatchObject({
      alias: 'billing',
      keys: [{ from: 'customer_id', to: 'id' }],
    });
  });

  it('leaves out a join whose `on` is not column equalities, with the reason', () => {
    const { model, diagnostics } = sources("customer_id = customers.id AND customers.region = 'eu'");
    expect(codes(diagnostics)).toEqual(['join-on-unsupported', 'disconnected-components']);
    expect(find(diagnostics, 'join-on-unsupported')).toMatchObject({ path: 'joins.0.on', line: 5 });
    expect(model.sources.get('orders')!.joins).toEqual([]);
  });

  it('names an unknown qualifier with "did you mean"', () => {
    const { diagnostics } = sources('customer_id = customer.id');
    expect(find(diagnostics, 'join-on-unsupported')!.message).toContain('did you mean `customers`');
  });
});

describe('resilience', () => {
  it('keeps loading siblings of a file with broken YAML, an unparsable fragment or unknown keys', () => {
    const { model, diagnostics } = load(
      SHARD,
      file('broken.yaml', 'name: broken\ntable: [unclosed\n'),
      file('_schema/bad.yaml', 'tables: [1, 2]\n'),
      file('empty.yaml', ''),
      file('README.md', '# not yaml'),
      file('list.yaml', '- a\n- b\n'),
      file('nameless.yaml', 'table: t\n'),
      file(
        'orders.yaml',
        `name: orders
measures:
  - {name: revenue, expr: "sum(amount"}
  - {name: typo, expr: count(*), filtr: "status = 'x'"}
  - {name: order_count, expr: count(*)}
segments:
  - {name: bad, expr: "status = = 'x'"}
description: oops
`,
      ),
    );
    expect(codes(diagnostics)).toEqual([
      'not-a-mapping',
      'yaml-syntax',
      'empty-file',
      'not-a-mapping',
      'missing-name',
      'sql-parse-error',
      'unknown-key',
      'sql-parse-error',
      'unknown-key',
    ]);
    const typo = diagnostics.find((each) => each.path === 'measures.1.filtr')!;
    expect(typo).toMatchObject({ severity: 'error', line: 4 });
    expect(typo.message).toContain('did you mean `filter`');
    expect(typo.message).toContain('measure `typo` is left out');
    const topLevel = diagnostics.find((each) => each.path === 'description')!;
    expect(topLevel.message).toContain('did you mean `descriptions`');
    expect(topLevel.fix).toContain('descriptions: {user');
    const parse = find(diagnostics, 'sql-parse-error')!;
    expect(parse).toMatchObject({ path: 'measures.0.expr', line: 3 });
    expect(parse.message).toContain('measure `revenue` is left out');
    expect(model.sources.get('orders')!.measures.map((measure) => measure.name)).toEqual(['order_count']);
    expect(model.sources.get('orders')!.segments).toEqual([]);
    expect(model.sources.get('customers')).toBeDefined();
  });

  it('drops an invalid list item but keeps the source; a broken required key drops the source', () => {
    const { model, diagnostics } = load(
      file(
        'a.yaml',
        'name: a\ntable: t\ngrain: [id]\ncolumns: [{name: id, type: number}]\njoins: [{to: b, "on": "id = b.id", relationship: many_to_many}]\n',
      ),
      file('b.yaml', 'name: b\ntable: t2\ngrain: id\ncolumns: [{name: id, type: number}]\n'),
    );
    expect(codes(diagnostics)).toEqual(['invalid-value', 'invalid-value']);
    expect(diagnostics[0]!.message).toContain('did you mean `many_to_one`');
    expect(diagnostics[0]!.message).toContain('is left out');
    expect(diagnostics[1]!.message).toContain('source `b` is not loaded');
    expect([...model.sources.keys()]).toEqual(['a']);
  });

  it('refuses an alias bomb without throwing', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const { diagnostics } = load(file('bomb.yaml', `name: bomb\n${levels.join('\n')}\n`));
    expect(codes(diagnostics)).toEqual(['yaml-syntax']);
  });

  it('only warns about unknown keys in scan manifests', () => {
    const { model, diagnostics } = load(
      file(
        '_schema/x.yaml',
        'version: 2\ntables:\n  t:\n    table: t\n    row_count: 10\n    columns: [{name: id, type: int, primary: true}]\n',
      ),
    );
    expect(diagnostics.map((each) => [each.severity, each.code, each.path])).toEqual([
      ['warning', 'unknown-key', 'version'],
      ['warning', 'unknown-key', 'tables.t.row_count'],
      ['warning', 'unknown-key', 'tables.t.columns.0.primary'],
    ]);
    expect(model.sources.get('t')!.columns.map((column) => column.name)).toEqual(['id']);
  });
});
