import { expect, it } from 'vitest';
import { sqlTableReferences, tableNamesMatch } from './sql-table-references.js';

it('lists tables after FROM and JOIN, skipping CTEs, subqueries and table functions', () => {
  const sql = `with recent as (select * from billing.subscriptions s where s.x > 1)
    select * from recent r, "public"."Accounts" a
    left join (select 1) z on true
    join generate_series(1, 3) g on true
    inner join plans p on p.id = r.plan_id`;
  expect(sqlTableReferences(sql)).toEqual([['billing', 'subscriptions'], ['public', 'Accounts'], ['plans']]);
});

it('matches names on their common trailing parts', () => {
  expect(tableNamesMatch(['orders'], ['public', 'orders'])).toBe(true);
  expect(tableNamesMatch(['PUBLIC', 'Orders'], ['analytics', 'public', 'orders'])).toBe(true);
  expect(tableNamesMatch(['sales', 'orders'], ['public', 'orders'])).toBe(false);
});
