import { describe, expect, it } from 'vitest';
import { sampleQuery } from '../../src/scan/profile/sample-query.js';
import { containmentSql, keyCheckSql } from '../../src/scan/relationships/validation-queries.js';
import { checkReadOnly, type DialectName } from '../../src/sql/index.js';

const DIALECTS: DialectName[] = ['sqlite', 'duckdb', 'postgres', 'mysql'];

describe('scan SQL', () => {
  it('samples at random per engine, quoting every identifier through the dialect', () => {
    expect(sampleQuery('duckdb', 'main', 'or"ders', ['id'], 100, 5000).sql).toBe(
      'SELECT "id" FROM "main"."or""ders" USING SAMPLE reservoir(100 ROWS) REPEATABLE (20240601)',
    );
    expect(sampleQuery('postgres', 'public', 'orders', ['id'], 100, 1_000_000).sql).toMatch(
      /^SELECT "id" FROM "public"\."orders" TABLESAMPLE BERNOULLI \(0\.02\) REPEATABLE \(\d+\) LIMIT 100$/,
    );
    expect(sampleQuery('postgres', 'public', 'orders', ['id'], 100, null).sql).toContain(
      'ORDER BY random() LIMIT 100',
    );
    expect(sampleQuery('mysql', 'shop', 'orders', ['id'], 100, 5000).sql).toBe(
      'SELECT `id` FROM `shop`.`orders` ORDER BY RAND() LIMIT 100',
    );
    expect(sampleQuery('sqlite', 'main', 'orders', ['id'], 100, 50)).toMatchObject({
      sql: 'SELECT "id" FROM "main"."orders"',
      method: 'whole table (50 rows ≤ 100)',
    });
  });

  it('every sampling and validation statement passes the read-only gate of its dialect', () => {
    const ref = { schema: 's', table: 't', columns: ['a', 'b'] };
    for (const dialect of DIALECTS) {
      for (const rows of [null, 10, 10_000_000]) {
        expect(
          checkReadOnly(sampleQuery(dialect, 's', 't', ['a'], 100, rows).sql, dialect, { timeoutMs: 1000 }),
        ).toEqual({ ok: true });
      }
      expect(
        checkReadOnly(containmentSql(dialect, ref, { ...ref, table: 'u' }), dialect, { timeoutMs: 1000 }),
      ).toEqual({ ok: true });
      expect(checkReadOnly(keyCheckSql(dialect, ref), dialect, { timeoutMs: 1000 })).toEqual({ ok: true });
    }
  });
});
