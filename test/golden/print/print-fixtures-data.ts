import type { CastType } from '../../../src/sql/index.js';

type Cell = string | number | null;

/** A fixture table: typed columns and rows (loaded into real engines by test/engines/print-golden.test.ts). */
export interface FixtureTable {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: CastType }[];
  readonly rows: readonly Cell[][];
}

/**
 * A tiny star schema. Customer 4 (east) has no orders; order 15 names a customer that does not
 * exist (its revenue must survive a LEFT JOIN under a NULL region); customer 3 has a NULL region, so
 * NULL keys must match NULL-safely across CTEs. Orders 10 and 12 fall on Mondays, order 11 late on a
 * Sunday, order 16 in the previous year.
 */
export const FIXTURE_TABLES: readonly FixtureTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'customer_id', type: 'integer' },
      { name: 'region', type: 'text' },
      { name: 'name', type: 'text' },
    ],
    rows: [
      [1, 'north', 'Ann'],
      [2, 'south', 'Bob'],
      [3, null, 'Cy'],
      [4, 'east', 'Dee'],
    ],
  },
  {
    name: 'orders',
    columns: [
      { name: 'order_id', type: 'integer' },
      { name: 'customer_id', type: 'integer' },
      { name: 'ordered_at', type: 'timestamp' },
      { name: 'amount', type: 'decimal' },
      { name: 'status', type: 'text' },
    ],
    rows: [
      [10, 1, '2025-01-06 09:00:00', '120.50', 'paid'],
      [11, 1, '2025-01-12 23:59:59', '30.00', 'paid'],
      [12, 2, '2025-01-13 00:00:00', '75.25', 'paid'],
      [13, 2, '2025-01-13 10:00:00', '10.00', 'cancelled'],
      [14, 3, '2025-01-08 12:00:00', '200.00', 'paid'],
      [15, 99, '2025-01-07 08:00:00', '50.00', 'paid'],
      [16, 1, '2024-12-31 23:00:00', '5.00', 'refunded'],
    ],
  },
  {
    name: 'refunds',
    columns: [
      { name: 'refund_id', type: 'integer' },
      { name: 'order_id', type: 'integer' },
      { name: 'customer_id', type: 'integer' },
      { name: 'amount', type: 'decimal' },
    ],
    rows: [
      [1, 16, 1, '5.00'],
      [2, 12, 2, '20.00'],
      [3, 14, 3, '50.00'],
    ],
  },
];
