import { describe, expect, it } from 'vitest';
import { sqlProjection } from './sql-projection.js';

describe('sqlProjection', () => {
  it.each([
    [
      'select id, o.customer_id, amount as total, count(*) n, case when x then 1 end flag from t',
      ['id', 'customer_id', 'total', 'n', 'flag'],
    ],
    ['with a as (select x from y) select "Order Id", `b`.c from a', ['Order Id', 'c']],
    ['SELECT DISTINCT ON (id) id, name FROM t', ['id', 'name']],
    ["select id -- the key, really\n, 'x' as kind /* , y */ from t", ['id', 'kind']],
    ['select id from a union all select id from b', ['id']],
  ])('reads the output names of %j', (sql, columns) => {
    expect(sqlProjection(sql)).toEqual({ columns, complete: true });
  });

  it('marks unnamed expressions as incomplete and gives up on stars', () => {
    expect(sqlProjection('select id, lower(name), x::int from t')).toEqual({
      columns: ['id'],
      complete: false,
    });
    expect(sqlProjection('select t.*, id from t')).toBeUndefined();
    expect(sqlProjection('select * from t')).toBeUndefined();
    expect(sqlProjection('values (1)')).toBeUndefined();
  });
});
