import { describe, expect, test } from 'vitest';
import { type PerDialect, rows } from './printing-expectations.test-helper.js';
import { getPrinting } from './printing-registry.js';

interface Operators {
  nullSafeEquals: string;
  safeDivide: string;
  concat: string;
  modulo: string;
}

const expected: PerDialect<Operators> = {
  sqlite: {
    nullSafeEquals: 'a IS b',
    safeDivide: 'CAST(a AS REAL) / NULLIF(b, 0)',
    concat: 'a || b || c',
    modulo: 'mod(a, b)',
  },
  duckdb: {
    nullSafeEquals: 'a IS NOT DISTINCT FROM b',
    safeDivide: 'CAST(a AS DOUBLE) / NULLIF(b, 0)',
    concat: 'a || b || c',
    modulo: 'a % b',
  },
  postgres: {
    nullSafeEquals: 'a IS NOT DISTINCT FROM b',
    safeDivide: 'CAST(a AS DOUBLE PRECISION) / NULLIF(b, 0)',
    concat: 'a || b || c',
    modulo: 'a % b',
  },
  mysql: {
    nullSafeEquals: 'a <=> b',
    safeDivide: 'CAST(a AS DOUBLE) / NULLIF(b, 0)',
    concat: 'CONCAT(a, b, c)',
    modulo: 'a % b',
  },
  snowflake: {
    nullSafeEquals: 'a IS NOT DISTINCT FROM b',
    safeDivide: 'CAST(a AS DOUBLE) / NULLIF(b, 0)',
    concat: 'a || b || c',
    modulo: 'a % b',
  },
  bigquery: {
    nullSafeEquals: 'a IS NOT DISTINCT FROM b',
    safeDivide: 'SAFE_DIVIDE(CAST(a AS FLOAT64), b)',
    concat: 'a || b || c',
    modulo: 'MOD(a, b)',
  },
  clickhouse: {
    nullSafeEquals: 'isNotDistinctFrom(a, b)',
    safeDivide: 'CAST(a AS Nullable(Float64)) / nullIf(b, 0)',
    concat: 'concat(a, b, c)',
    modulo: 'a % b',
  },
  tsql: {
    nullSafeEquals: '(a = b AND a IS NOT NULL AND b IS NOT NULL) OR (a IS NULL AND b IS NULL)',
    safeDivide: 'CAST(a AS FLOAT) / NULLIF(b, 0)',
    concat: 'CAST(a AS NVARCHAR(MAX)) + CAST(b AS NVARCHAR(MAX)) + CAST(c AS NVARCHAR(MAX))',
    modulo: 'a % b',
  },
};

describe.each(rows(expected))('%s operators', (dialect, sql) => {
  const printing = getPrinting(dialect);

  test('nullSafeEquals', () => {
    expect(printing.nullSafeEquals('a', 'b')).toBe(sql.nullSafeEquals);
  });

  test('safeDivide is a float division guarded against a zero divisor', () => {
    expect(printing.safeDivide('a', 'b')).toBe(sql.safeDivide);
    expect(printing.safeDivide('a', 'b')).toMatch(/NULLIF|nullIf|SAFE_DIVIDE/);
  });

  test('concat', () => {
    expect(printing.concat(['a', 'b', 'c'])).toBe(sql.concat);
  });

  test('modulo', () => {
    expect(printing.modulo('a', 'b')).toBe(sql.modulo);
  });
});
