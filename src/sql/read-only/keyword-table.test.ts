import { describe, expect, test } from 'vitest';
import { KeywordTable } from './keyword-table.js';

describe('KeywordTable', () => {
  const table = new KeywordTable(['SELECT', 'INTO', 'FOR']);

  test('finds keywords in any ASCII case, at an offset in the text', () => {
    const sql = 'x sElEcT into For';
    expect(table.lookup(sql, 2, 8)).toBe('SELECT');
    expect(table.lookup(sql, 9, 13)).toBe('INTO');
    expect(table.lookup(sql, 14, 17)).toBe('FOR');
  });

  test('misses other words, longer words and non-ASCII look-alikes', () => {
    expect(table.lookup('SELECTS', 0, 7)).toBeNull();
    expect(table.lookup('SELEC', 0, 5)).toBeNull();
    expect(table.lookup('ſelect', 0, 6)).toBeNull();
    expect(table.lookup('ınto', 0, 4)).toBeNull();
  });
});
