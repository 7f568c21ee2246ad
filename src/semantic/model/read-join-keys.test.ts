import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../sql/index.js';
import { readJoinKeys } from './read-join-keys.js';
import type { JoinDraft } from './source-draft.js';

function keys(source: string, on: string, to: string, alias?: string) {
  const parsed = parseExpression(on, 'postgres');
  if (!parsed.ok) throw new Error(parsed.message);
  const join: JoinDraft = {
    to,
    on,
    alias,
    relationship: 'many_to_one',
    site: { file: 'f.yaml', path: 'joins.0' },
  };
  const result = readJoinKeys(join, source, parsed.expr);
  return result.ok ? result.keys : result.diagnostic.message;
}

describe('readJoinKeys', () => {
  it.each([
    ['customer_id = customers.id', [{ from: 'customer_id', to: 'id' }]],
    ['customers.id = customer_id', [{ from: 'customer_id', to: 'id' }]],
    ['orders.customer_id = customers.id', [{ from: 'customer_id', to: 'id' }]],
    ['customers.id = orders.customer_id', [{ from: 'customer_id', to: 'id' }]],
    ['CUSTOMERS.id = customer_id', [{ from: 'customer_id', to: 'id' }]],
    ['customer_id = id', [{ from: 'customer_id', to: 'id' }]],
    [
      'a = customers.b and customers.c = d',
      [
        { from: 'a', to: 'b' },
        { from: 'd', to: 'c' },
      ],
    ],
  ])('orders → customers on %s', (on, expected) => {
    expect(keys('orders', on, 'customers')).toEqual(expected);
  });

  it('reads self-joins by alias, or by position when nothing else can tell', () => {
    expect(keys('employees', 'manager.id = manager_id', 'employees', 'manager')).toEqual([
      { from: 'manager_id', to: 'id' },
    ]);
    expect(keys('employees', 'employees.manager_id = employees.id', 'employees')).toEqual([
      { from: 'manager_id', to: 'id' },
    ]);
  });

  it('refuses sides that cannot be told apart or are not column pairs', () => {
    expect(keys('orders', 'orders.a = b', 'customers')).toContain('both sides of `on` belong to this source');
    expect(keys('orders', 'customers.a = customers.b', 'customers')).toContain('belong to `customers`');
    expect(keys('orders', 'lower(email) = customers.email', 'customers')).toContain('not a column equality');
    expect(keys('orders', 'customer_id = cust.id', 'customers')).toContain('did you mean `customers`');
  });
});
