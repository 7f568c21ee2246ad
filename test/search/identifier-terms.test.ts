import { describe, expect, it } from 'vitest';
import { chunkMarkdown, expandNames, identifierWords, queryTerms } from '../../src/search/index.js';

describe('identifier-aware terms', () => {
  it('splits snake, camel and dotted names into words', () => {
    expect(identifierWords('CustomerID_v2')).toEqual(['customer', 'id', 'v', '2']);
    expect(identifierWords('orders.netRevenueRetention')).toEqual(['orders', 'net', 'revenue', 'retention']);
  });

  it('indexes each name split and joined, and expands queries to meet it', () => {
    expect(expandNames(['customer_id']).split(' ')).toEqual(
      expect.arrayContaining(['customer', 'id', 'customerid']),
    );
    for (const query of ['customer_id', 'CustomerId', 'customer id'])
      expect(queryTerms(query), query).toEqual(expect.arrayContaining(['customer', 'id', 'customerid']));
    expect(queryTerms('what is the churn')).toEqual(['churn']);
    expect(queryTerms('what is it')).toEqual(['what', 'is', 'it']);
  });
});

describe('chunkMarkdown', () => {
  it('cuts at headings, merges short sections and splits long ones', () => {
    const long = Array.from({ length: 60 }, (_, index) => `Paragraph ${index} ${'word '.repeat(20)}`).join(
      '\n\n',
    );
    const chunks = chunkMarkdown(`# A\n\nshort\n\n## B\n\nalso short\n\n## C\n\n${long}`);
    expect(chunks[0]).toContain('# A');
    expect(chunks[0]).toContain('## B');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((chunk) => chunk.length <= 2400)).toBe(true);
    expect(chunkMarkdown('')).toEqual([]);
  });
});
