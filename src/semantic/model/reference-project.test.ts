import { describe, expect, it } from 'vitest';
import { loadSemanticModel } from './load-semantic-model.js';
import { SemanticParseCache } from './semantic-parse-cache.js';

// A project laid out like the reference's `ecommerce` fixture (spec §4.1): a scanned shard, overlays
// adding measures, and a standalone SQL source. Written the way the reference writes files (quoted
// "on", provenance on scanned joins, origin-keyed descriptions, dbt metadata).
const FILES: Record<string, string> = {
  '_schema/public.yaml': `tables:
  regions:
    table: public.regions
    descriptions: {db: Sales regions}
    columns:
      - {name: id, type: integer, pk: true, nullable: false}
      - {name: name, type: varchar(64)}
  customers:
    table: public.customers
    descriptions: {ai: One row per customer account.}
    columns:
      - name: id
        type: bigint
        pk: true
        constraints: {dbt: {not_null: true, unique: true}}
      - {name: name, type: text}
      - {name: email, type: text}
      - {name: region_id, type: integer}
      - name: segment
        type: text
        enum_values: {dbt: [smb, mid_market, enterprise]}
      - {name: created_at, type: timestamp without time zone}
    joins:
      - to: regions
        "on": customers.region_id = regions.id
        relationship: many_to_one
        source: formal
    tags: {dbt: [core]}
    freshness: {dbt: {loaded_at_field: created_at}}
  orders:
    table: public.orders
    columns:
      - {name: id, type: bigint, pk: true}
      - {name: customer_id, type: bigint}
      - {name: status, type: text, descriptions: {db: "placed | paid | refunded"}}
      - {name: amount, type: "numeric(12,2)"}
      - {name: total, type: "numeric(12,2)"}
      - {name: created_at, type: timestamptz}
    joins:
      - {to: customers, "on": orders.customer_id = customers.id, relationship: many_to_one, source: inferred}
  order_items:
    table: public.order_items
    columns:
      - {name: order_id, type: bigint, pk: true}
      - {name: line_number, type: integer, pk: true}
      - {name: product_id, type: bigint}
      - {name: quantity, type: integer}
      - {name: unit_price, type: "decimal(10,2)"}
    joins:
      - {to: orders, "on": order_items.order_id = orders.id, relationship: many_to_one, source: formal}
      - {to: products, "on": products.id = order_items.product_id, relationship: many_to_one, source: manual}
  products:
    table: public.products
    columns:
      - {name: id, type: bigint, pk: true}
      - {name: title, type: text}
      - {name: category, type: text}
      - {name: list_price, type: "numeric(10,2)"}
`,
  'orders.yaml': `name: orders
descriptions:
  user: Orders placed in the shop, one row per order.
column_overrides:
  - name: status
    descriptions: {user: Lifecycle status of the order}
segments:
  - {name: paid, expr: "status = 'paid'"}
  - {name: refunded, expr: "status = 'refunded'"}
measures:
  - {name: revenue, expr: sum(amount), filter: "status != 'refunded'", description: Net revenue excluding refunds}
  - {name: order_count, expr: count(*)}
  - {name: total_amount, expr: sum(total)}
  - {name: paid_amount, expr: sum(amount), segments: [paid]}
  - {name: refunded_amount, expr: sum(amount), segments: [refunded]}
  - {name: average_order_value, expr: revenue / order_count}
  - {name: customers_with_orders, expr: count(distinct customer_id)}
`,
  'customers.yaml': `name: customers
column_overrides:
  - {name: email, visibility: hidden}
  - {name: segment, descriptions: {user: Commercial segment}}
measures:
  - {name: customer_count, expr: count(distinct id)}
`,
  'order_items.yml': `name: order_items
measures:
  - {name: units, expr: sum(quantity)}
  - {name: item_revenue, expr: sum(quantity * unit_price)}
  - {name: revenue_per_order, expr: item_revenue / orders.order_count}
`,
  'products.yaml': `name: products
columns:
  - name: price_band
    type: string
    expr: "case when list_price >= 100 then 'premium' else 'standard' end"
    descriptions: {user: Premium at 100 and above}
default_time_dimension: {dbt: null}
`,
  'churn_risk.yaml': `name: churn_risk
source_type: sql
sql: |
  select c.id as customer_id,
         count(o.id) as orders_90d,
         max(o.created_at) as last_order_at
  from public.customers c
  left join public.orders o on o.customer_id = c.id and o.created_at > now() - interval '90 days'
  group by c.id
inherits_columns_from: customers
grain: [customer_id]
columns:
  - {name: customer_id, type: number}
  - {name: orders_90d, type: number}
  - {name: last_order_at, type: time}
joins:
  - {to: customers, "on": "customers.id = churn_risk.customer_id", relationship: one_to_one}
segments:
  - {name: at_risk, expr: "orders_90d = 0"}
measures:
  - {name: at_risk_customers, expr: count(customer_id), segments: [at_risk]}
`,
};

describe('a reference-style project', () => {
  const files = Object.entries(FILES).map(([path, text]) => ({ path: `semantic-layer/shop/${path}`, text }));

  it('loads with zero diagnostics in every dialect', () => {
    for (const dialect of ['postgres', 'duckdb', 'mysql', 'sqlite'] as const) {
      const { model, diagnostics } = loadSemanticModel(files, { dialect });
      expect(diagnostics).toEqual([]);
      expect([...model.sources.keys()].sort()).toEqual([
        'churn_risk',
        'customers',
        'order_items',
        'orders',
        'products',
        'regions',
      ]);
    }
  });

  it('composes what the files say', () => {
    const { model } = loadSemanticModel(files, { dialect: 'postgres' });
    const orders = model.sources.get('orders')!;
    expect(orders.measures.map((measure) => measure.name)).toEqual([
      'revenue',
      'order_count',
      'total_amount',
      'paid_amount',
      'refunded_amount',
      'average_order_value',
      'customers_with_orders',
    ]);
    expect(orders.columns.find((column) => column.name === 'status')!.description).toBe(
      'Lifecycle status of the order',
    );
    const items = model.sources.get('order_items')!;
    expect(items.grain).toEqual(['order_id', 'line_number']);
    expect(items.joins.map((join) => [join.to, join.keys])).toEqual([
      ['orders', [{ from: 'order_id', to: 'id' }]],
      ['products', [{ from: 'product_id', to: 'id' }]],
    ]);
    const customers = model.sources.get('customers')!;
    expect(customers.columns.find((column) => column.name === 'email')!.visibility).toBe('hidden');
    expect(customers.metadata?.tags).toEqual({ dbt: ['core'] });
    expect(customers.columns.find((column) => column.name === 'segment')!.metadata?.enumValues).toEqual({
      dbt: ['smb', 'mid_market', 'enterprise'],
    });
    const churn = model.sources.get('churn_risk')!;
    expect(churn.relation.kind).toBe('sql');
    expect(churn.physicalColumns).toEqual(['customer_id', 'orders_90d', 'last_order_at']);
    expect(churn.joins[0]!.keys).toEqual([{ from: 'customer_id', to: 'id' }]);
  });

  it('loads alike from stored (portable) parses, lines of every definition site included', () => {
    const plain = loadSemanticModel(files, { dialect: 'postgres' });
    const parsed = new SemanticParseCache();
    const adopted = new SemanticParseCache();
    for (const each of files) {
      parsed.parse(each.path, each.text);
      adopted.adopt(each.path, each.text, JSON.parse(JSON.stringify(parsed.portable(each.path))));
    }
    const loaded = loadSemanticModel(files, { dialect: 'postgres', parseCache: adopted });
    expect(loaded.diagnostics).toEqual(plain.diagnostics);
    expect([...loaded.model.sources]).toEqual([...plain.model.sources]);
  });
});
