import { expect, it } from 'vitest';
import { splitTablePath } from './table-path.js';

it('splits dotted table names, honouring quotes', () => {
  expect(splitTablePath('public.orders')).toEqual(['public', 'orders']);
  expect(splitTablePath('orders')).toEqual(['orders']);
  expect(splitTablePath('analytics."Order.Items"')).toEqual(['analytics', 'Order.Items']);
  expect(splitTablePath('`db`.`t``x`')).toEqual(['db', 't`x']);
  expect(splitTablePath('[dbo].[orders]')).toEqual(['dbo', 'orders']);
  expect(splitTablePath('public.')).toBeUndefined();
  expect(splitTablePath('"open')).toBeUndefined();
  expect(splitTablePath('"a"b')).toBeUndefined();
});
