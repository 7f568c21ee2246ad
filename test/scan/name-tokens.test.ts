import { describe, expect, it } from 'vitest';
import {
  columnTokens,
  nameTokens,
  referenceStem,
  sharedColumnPrefix,
  stemMatchesTable,
  tableStem,
} from '../../src/scan/relationships/name-tokens.js';

describe('relationship name analysis', () => {
  it('splits camelCase, acronyms, separators and folds accents', () => {
    expect(nameTokens('CustomerID')).toEqual(['customer', 'id']);
    expect(nameTokens('ORDER_ITEMS')).toEqual(['order', 'items']);
    expect(nameTokens('orderItemId')).toEqual(['order', 'item', 'id']);
    expect(nameTokens('straße')).toEqual(['strasse']);
  });

  it('reads what a column references: suffix, prefix and glued markers, table prefixes stripped', () => {
    expect(referenceStem(nameTokens('cust_id'))).toEqual({ stem: ['cust'], marker: 'id' });
    expect(referenceStem(nameTokens('id_client'))).toEqual({ stem: ['client'], marker: 'id' });
    const prefix = sharedColumnPrefix(['o_orderkey', 'o_custkey', 'o_totalprice']);
    expect(referenceStem(columnTokens('o_custkey', prefix))).toEqual({ stem: ['cust'], marker: 'key' });
    expect(referenceStem(nameTokens('email'))).toBeUndefined();
  });

  it('matches stems to tables exactly, by inflection, role prefix and abbreviation — and refuses strangers', () => {
    expect(stemMatchesTable(['customer'], tableStem('customers'))).toBe(1);
    expect(stemMatchesTable(['category'], tableStem('dim_categories'))).toBe(1);
    expect(stemMatchesTable(['billing', 'customer'], tableStem('customers'))).toBe(0.88);
    expect(stemMatchesTable(['cust'], tableStem('customer_master'))).toBeGreaterThanOrEqual(0.8);
    expect(stemMatchesTable(['cstmr'], tableStem('customers'))).toBeGreaterThan(0.7);
    expect(stemMatchesTable(['po'], tableStem('purchase_orders'))).toBe(0.75);
    expect(stemMatchesTable(['kunde'], tableStem('kunden'))).toBeGreaterThan(0.8);
    expect(stemMatchesTable(['user'], tableStem('user_roles'))).toBe(0);
    expect(stemMatchesTable(['order'], tableStem('customers'))).toBe(0);
  });
});
