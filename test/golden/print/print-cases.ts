import { sqlExpr as e, type FromItem, type QueryNode, type Select } from '../../../src/sql/index.js';

type Cell = string | number | null;

/**
 * Representative queries printed in every dialect (golden files under `<case>/<dialect>.sql`) and
 * executed on real engines over `FIXTURE_TABLES` (test/engines/print-golden.test.ts), where the rows
 * must equal `expected` (in order when `ordered`). `build` takes the schema holding the fixtures.
 */
export interface PrintCase {
  readonly name: string;
  readonly description: string;
  readonly build: (schema: string) => QueryNode;
  readonly expected: readonly Cell[][];
  readonly ordered: boolean;
}

/** The schema name the golden files show. */
export const GOLDEN_SCHEMA = 'analytics';

function select(fields: Partial<Select> & Pick<Select, 'columns'>): Select {
  return { kind: 'select', ctes: [], distinct: false, joins: [], groupBy: [], orderBy: [], ...fields };
}

const table = (schema: string, name: string, alias: string): FromItem => ({
  kind: 'table',
  path: [schema, name],
  alias,
});
const col = (alias: string, name: string) => e.column(name, alias);
const str = (value: string) => e.string(value);
const timestamp = (text: string) => e.cast(str(text), 'timestamp');
const customerJoin = (schema: string) => ({
  type: 'left' as const,
  item: table(schema, 'customers', 'c'),
  on: e.eq(col('c', 'customer_id'), col('o', 'customer_id')),
});

const week = e.timeTrunc('week', col('o', 'ordered_at'));
const revenue = e.call('sum', [col('o', 'amount')]);

const starJoin: PrintCase = {
  name: 'star-join-grain',
  description: 'Star join: ISO week grain and a dimension, WHERE, GROUP BY, HAVING, ORDER BY and LIMIT.',
  build: (schema) =>
    select({
      columns: [
        { expr: week, alias: 'order_week' },
        { expr: col('c', 'region'), alias: 'region' },
        { expr: revenue, alias: 'revenue' },
        { expr: e.call('count_distinct', [col('o', 'order_id')]), alias: 'orders' },
      ],
      from: table(schema, 'orders', 'o'),
      joins: [customerJoin(schema)],
      where: e.binary('<>', col('o', 'status'), str('cancelled')),
      groupBy: [week, col('c', 'region')],
      having: e.binary('>', revenue, e.number(0)),
      orderBy: [
        { expr: week, direction: 'asc' },
        { expr: revenue, direction: 'desc' },
      ],
      limit: 100,
    }),
  expected: [
    ['2024-12-30 00:00:00', 'north', 5, 1],
    ['2025-01-06 00:00:00', null, 250, 2],
    ['2025-01-06 00:00:00', 'north', 150.5, 2],
    ['2025-01-13 00:00:00', 'south', 75.25, 1],
  ],
  ordered: true,
};

const totalsBy = (schema: string, fact: string, alias: string, measure: string) =>
  select({
    columns: [
      { expr: col('c', 'region'), alias: 'region' },
      { expr: e.call('sum', [col(alias, 'amount')]), alias: measure },
    ],
    from: table(schema, fact, alias),
    joins: [{ ...customerJoin(schema), on: e.eq(col('c', 'customer_id'), col(alias, 'customer_id')) }],
    groupBy: [col('c', 'region')],
  });

const keySpine: PrintCase = {
  name: 'key-spine',
  description: 'Chasm plan: one CTE per fact, a UNION key spine, LEFT JOINs on NULL-safe keys.',
  build: (schema) =>
    select({
      ctes: [
        { name: 'order_totals', query: totalsBy(schema, 'orders', 'o', 'revenue') },
        { name: 'refund_totals', query: totalsBy(schema, 'refunds', 'r', 'refunded') },
        {
          name: 'spine',
          query: {
            kind: 'union',
            all: false,
            selects: ['order_totals', 'refund_totals'].map((name) =>
              select({
                columns: [{ expr: col('t', 'region'), alias: 'region' }],
                from: { kind: 'cte-ref', name, alias: 't' },
              }),
            ),
          },
        },
      ],
      columns: [
        { expr: col('s', 'region'), alias: 'region' },
        { expr: col('ot', 'revenue'), alias: 'revenue' },
        { expr: col('rt', 'refunded'), alias: 'refunded' },
      ],
      from: { kind: 'cte-ref', name: 'spine', alias: 's' },
      joins: [
        {
          type: 'left',
          item: { kind: 'cte-ref', name: 'order_totals', alias: 'ot' },
          on: e.nullSafeEquals(col('s', 'region'), col('ot', 'region')),
        },
        {
          type: 'left',
          item: { kind: 'cte-ref', name: 'refund_totals', alias: 'rt' },
          on: e.nullSafeEquals(col('s', 'region'), col('rt', 'region')),
        },
      ],
    }),
  expected: [
    ['north', 155.5, 5],
    ['south', 85.25, 20],
    [null, 250, 50],
  ],
  ordered: false,
};

const paid = e.eq(col('o', 'status'), str('paid'));
const paidCount = e.call('sum', [e.caseWhen([e.whenThen(paid, e.number(1))], e.number(0))]);

const safeDivision: PrintCase = {
  name: 'safe-division',
  description: 'Derived ratios: float division that is NULL on a zero divisor, and rounding of a ratio.',
  build: (schema) =>
    select({
      columns: [
        { expr: col('c', 'region'), alias: 'region' },
        { expr: e.call('count', [col('o', 'order_id')]), alias: 'orders' },
        {
          expr: e.safeDivide(e.call('sum', [e.caseWhen([e.whenThen(paid, col('o', 'amount'))])]), paidCount),
          alias: 'paid_order_value',
        },
        {
          expr: e.call('round', [
            e.safeDivide(paidCount, e.call('count', [col('o', 'order_id')])),
            e.number(2),
          ]),
          alias: 'paid_share',
        },
      ],
      from: table(schema, 'customers', 'c'),
      joins: [
        {
          type: 'left',
          item: table(schema, 'orders', 'o'),
          on: e.eq(col('o', 'customer_id'), col('c', 'customer_id')),
        },
      ],
      groupBy: [col('c', 'region')],
    }),
  expected: [
    ['north', 3, 75.25, 0.67],
    ['south', 2, 75.25, 0.5],
    [null, 1, 200, 1],
    ['east', 0, null, null],
  ],
  ordered: false,
};

const amount = col('o', 'amount');
const caseForms: PrintCase = {
  name: 'case-expression',
  description: 'Searched and simple CASE, predicates used as values, IN, NOT LIKE, BETWEEN and IS NOT NULL.',
  build: (schema) =>
    select({
      columns: [
        { expr: col('o', 'order_id'), alias: 'order_id' },
        {
          expr: e.caseWhen(
            [
              e.whenThen(e.binary('>=', amount, e.number(100)), str('large')),
              e.whenThen(e.binary('>=', amount, e.number(20)), str('medium')),
            ],
            str('small'),
          ),
          alias: 'size',
        },
        {
          expr: e.caseOf(
            col('o', 'status'),
            [e.whenThen(str('paid'), e.number(1)), e.whenThen(str('refunded'), e.number(-1))],
            e.number(0),
          ),
          alias: 'direction',
        },
        { expr: e.binary('>', amount, e.number(50)), alias: 'is_big' },
        { expr: e.inList(col('o', 'status'), [str('paid'), str('refunded')]), alias: 'settled' },
        { expr: e.binary('not like', col('o', 'status'), str('c%')), alias: 'not_cancelled' },
      ],
      from: table(schema, 'orders', 'o'),
      where: e.and(
        e.between(col('o', 'ordered_at'), timestamp('2025-01-01 00:00:00'), timestamp('2025-01-31 23:59:59')),
        e.isNull(col('o', 'customer_id'), true),
      ),
      orderBy: [{ expr: col('o', 'order_id'), direction: 'asc' }],
    }),
  expected: [
    [10, 'large', 1, 1, 1, 1],
    [11, 'medium', 1, 0, 1, 1],
    [12, 'medium', 1, 1, 1, 1],
    [13, 'small', 0, 0, 0, 0],
    [14, 'large', 1, 1, 1, 1],
    [15, 'medium', 1, 0, 1, 1],
  ],
  ordered: true,
};

const casts: PrintCase = {
  name: 'casts',
  description: 'Casts to text, integer, float, decimal, date and timestamp.',
  build: (schema) =>
    select({
      columns: [
        { expr: e.cast(col('o', 'order_id'), 'text'), alias: 'order_code' },
        { expr: e.cast(e.cast(col('o', 'order_id'), 'text'), 'integer'), alias: 'order_number' },
        { expr: e.cast(amount, 'float'), alias: 'amount_float' },
        { expr: e.cast(e.cast(amount, 'text'), 'decimal'), alias: 'amount_decimal' },
        { expr: e.cast(col('o', 'ordered_at'), 'date'), alias: 'order_date' },
        { expr: e.cast(e.cast(col('o', 'ordered_at'), 'date'), 'timestamp'), alias: 'order_day_start' },
      ],
      from: table(schema, 'orders', 'o'),
      where: e.inList(col('o', 'order_id'), [e.number(10), e.number(12)]),
      orderBy: [{ expr: col('o', 'order_id'), direction: 'asc' }],
    }),
  expected: [
    ['10', 10, 120.5, 120.5, '2025-01-06 00:00:00', '2025-01-06 00:00:00'],
    ['12', 12, 75.25, 75.25, '2025-01-13 00:00:00', '2025-01-13 00:00:00'],
  ],
  ordered: true,
};

const orderedAt = col('o', 'ordered_at');
const timeOffsets: PrintCase = {
  name: 'time-offsets',
  description: 'Time offsets: a rolling 7-day filter, next month, a week before, the previous quarter.',
  build: (schema) =>
    select({
      columns: [
        { expr: col('o', 'order_id'), alias: 'order_id' },
        { expr: e.timeAdd(orderedAt, 1, 'month'), alias: 'next_month' },
        { expr: e.timeAdd(orderedAt, -1, 'week'), alias: 'week_before' },
        { expr: e.timeTrunc('quarter', e.timeAdd(orderedAt, -1, 'quarter')), alias: 'previous_quarter' },
      ],
      from: table(schema, 'orders', 'o'),
      where: e.binary('>=', orderedAt, e.timeAdd(timestamp('2025-01-13 00:00:00'), -7, 'day')),
      orderBy: [{ expr: col('o', 'order_id'), direction: 'asc' }],
    }),
  expected: [
    [10, '2025-02-06 09:00:00', '2024-12-30 09:00:00', '2024-10-01 00:00:00'],
    [11, '2025-02-12 23:59:59', '2025-01-05 23:59:59', '2024-10-01 00:00:00'],
    [12, '2025-02-13 00:00:00', '2025-01-06 00:00:00', '2024-10-01 00:00:00'],
    [13, '2025-02-13 10:00:00', '2025-01-06 10:00:00', '2024-10-01 00:00:00'],
    [14, '2025-02-08 12:00:00', '2025-01-01 12:00:00', '2024-10-01 00:00:00'],
    [15, '2025-02-07 08:00:00', '2024-12-31 08:00:00', '2024-10-01 00:00:00'],
  ],
  ordered: true,
};

const intervals: PrintCase = {
  name: 'interval-literal',
  description:
    'Interval values added to and subtracted from a timestamp (SQLite and T-SQL have no interval type).',
  build: (schema) =>
    select({
      columns: [
        { expr: col('o', 'order_id'), alias: 'order_id' },
        { expr: e.binary('+', orderedAt, e.interval(1, 'day')), alias: 'due_at' },
        { expr: e.binary('-', orderedAt, e.interval(90, 'minute')), alias: 'opened_at' },
      ],
      from: table(schema, 'orders', 'o'),
      where: e.eq(col('o', 'order_id'), e.number(10)),
    }),
  expected: [[10, '2025-01-07 09:00:00', '2025-01-06 07:30:00']],
  ordered: true,
};

const medianCase: PrintCase = {
  name: 'median',
  description:
    'Exact median and 90th percentile per region (refused where the engine has no exact aggregate).',
  build: (schema) =>
    select({
      columns: [
        { expr: col('c', 'region'), alias: 'region' },
        { expr: e.call('median', [amount]), alias: 'median_amount' },
        { expr: e.call('percentile', [amount, e.number('0.9')]), alias: 'p90_amount' },
      ],
      from: table(schema, 'orders', 'o'),
      joins: [{ ...customerJoin(schema), type: 'inner' }],
      groupBy: [col('c', 'region')],
    }),
  expected: [
    ['north', 30, 102.4],
    ['south', 42.625, 68.725],
    [null, 200, 200],
  ],
  ordered: false,
};

export const PRINT_CASES: readonly PrintCase[] = [
  starJoin,
  keySpine,
  safeDivision,
  caseForms,
  casts,
  timeOffsets,
  intervals,
  medianCase,
];
