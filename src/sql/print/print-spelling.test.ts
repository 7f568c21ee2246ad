import { describe, expect, test } from 'vitest';
import { isKtxError } from '../../core/index.js';
import type { CastType } from '../ast/expression.js';
import { expectPrinted, NOT_SUPPORTED, type PerDialect, rows } from './printing-expectations.test-helper.js';
import { getPrinting } from './printing-registry.js';

describe('quoteIdentifier escapes the quote character', () => {
  const name = 'My "odd" `name` [x]';
  const expected: PerDialect<string> = {
    sqlite: '"My ""odd"" `name` [x]"',
    duckdb: '"My ""odd"" `name` [x]"',
    postgres: '"My ""odd"" `name` [x]"',
    mysql: '`My "odd" ``name`` [x]`',
    snowflake: '"My ""odd"" `name` [x]"',
    bigquery: '`My "odd" \\`name\\` [x]`',
    clickhouse: '`My "odd" \\`name\\` [x]`',
    tsql: '[My "odd" `name` [x]]]',
  };
  test.each(rows(expected))('%s', (dialect, sql) => {
    expect(getPrinting(dialect).quoteIdentifier(name)).toBe(sql);
  });

  test.each(rows(expected))('%s quotes reserved words and refuses empty names', (dialect) => {
    const printing = getPrinting(dialect);
    expect(printing.quoteIdentifier('order')).not.toBe('order');
    expect(() => printing.quoteIdentifier('')).toThrow(/identifier/);
    expect(() => printing.quoteIdentifier('a\0b')).toThrow(/identifier/);
  });
});

describe('stringLiteral reads back exactly under every engine setting', () => {
  const value = "it's C:\\dir\né";
  const expected: PerDialect<string> = {
    sqlite: "'it''s C:\\dir\né'",
    duckdb: "'it''s C:\\dir\né'",
    postgres: "E'it''s C:\\\\dir\né'",
    mysql: "CONCAT('it''s C:', CHAR(92 USING utf8mb4), 'dir\né')",
    snowflake: "'it\\'s C:\\\\dir\\né'",
    bigquery: "'it\\'s C:\\\\dir\\né'",
    clickhouse: "'it\\'s C:\\\\dir\\né'",
    tsql: "N'it''s C:\\dir\né'",
  };
  test.each(rows(expected))('%s', (dialect, sql) => {
    const printing = getPrinting(dialect);
    expect(printing.stringLiteral(value)).toBe(sql);
    expect(() => printing.stringLiteral('a\0b')).toThrow(/NUL/);
  });
});

describe('booleanLiteral', () => {
  const expected: PerDialect<[string, string]> = {
    sqlite: ['TRUE', 'FALSE'],
    duckdb: ['TRUE', 'FALSE'],
    postgres: ['TRUE', 'FALSE'],
    mysql: ['TRUE', 'FALSE'],
    snowflake: ['TRUE', 'FALSE'],
    bigquery: ['TRUE', 'FALSE'],
    clickhouse: ['true', 'false'],
    tsql: ['1', '0'],
  };
  test.each(rows(expected))('%s', (dialect, [yes, no]) => {
    expect(getPrinting(dialect).booleanLiteral(true)).toBe(yes);
    expect(getPrinting(dialect).booleanLiteral(false)).toBe(no);
  });
});

describe('cast', () => {
  type Casts = Record<CastType, string | typeof NOT_SUPPORTED>;
  const ansi = (decimal: string, float: string, text: string, timestamp: string): Casts => ({
    integer: 'CAST(x AS BIGINT)',
    decimal: `CAST(x AS ${decimal})`,
    float: `CAST(x AS ${float})`,
    text: `CAST(x AS ${text})`,
    date: 'CAST(x AS DATE)',
    timestamp: `CAST(x AS ${timestamp})`,
    boolean: 'CAST(x AS BOOLEAN)',
  });
  const expected: PerDialect<Casts> = {
    sqlite: {
      integer: 'CAST(x AS INTEGER)',
      decimal: 'CAST(x AS NUMERIC)',
      float: 'CAST(x AS REAL)',
      text: 'CAST(x AS TEXT)',
      date: 'date(x)',
      timestamp: 'datetime(x)',
      boolean: NOT_SUPPORTED,
    },
    duckdb: ansi('DECIMAL(38, 9)', 'DOUBLE', 'VARCHAR', 'TIMESTAMP'),
    postgres: ansi('NUMERIC(38, 9)', 'DOUBLE PRECISION', 'TEXT', 'TIMESTAMP'),
    mysql: {
      integer: 'CAST(x AS SIGNED)',
      decimal: 'CAST(x AS DECIMAL(38, 9))',
      float: 'CAST(x AS DOUBLE)',
      text: 'CAST(x AS CHAR)',
      date: 'CAST(x AS DATE)',
      timestamp: 'CAST(x AS DATETIME(6))',
      boolean: NOT_SUPPORTED,
    },
    snowflake: ansi('NUMBER(38, 9)', 'DOUBLE', 'VARCHAR', 'TIMESTAMP_NTZ'),
    bigquery: {
      integer: 'CAST(x AS INT64)',
      decimal: 'CAST(x AS NUMERIC)',
      float: 'CAST(x AS FLOAT64)',
      text: 'CAST(x AS STRING)',
      date: 'CAST(x AS DATE)',
      timestamp: 'CAST(x AS TIMESTAMP)',
      boolean: 'CAST(x AS BOOL)',
    },
    clickhouse: {
      integer: 'CAST(x AS Nullable(Int64))',
      decimal: 'CAST(x AS Nullable(Decimal(38, 9)))',
      float: 'CAST(x AS Nullable(Float64))',
      text: 'CAST(x AS Nullable(String))',
      date: 'CAST(x AS Nullable(Date32))',
      timestamp: 'CAST(x AS Nullable(DateTime64(6)))',
      boolean: 'CAST(x AS Nullable(Bool))',
    },
    tsql: {
      integer: 'CAST(x AS BIGINT)',
      decimal: 'CAST(x AS DECIMAL(38, 9))',
      float: 'CAST(x AS FLOAT)',
      text: 'CAST(x AS NVARCHAR(MAX))',
      date: 'CAST(x AS DATE)',
      timestamp: 'CAST(x AS DATETIME2)',
      boolean: 'CAST(x AS BIT)',
    },
  };
  test.each(rows(expected))('%s', (dialect, casts) => {
    const printing = getPrinting(dialect);
    for (const [type, sql] of Object.entries(casts) as [CastType, Casts[CastType]][]) {
      expectPrinted(() => printing.cast('x', type), sql);
    }
    expect(casts.boolean !== NOT_SUPPORTED).toBe(printing.supportsBooleanCast);
  });

  test('an unsupported cast names the engine', () => {
    try {
      getPrinting('mysql').cast('x', 'boolean');
      expect.unreachable();
    } catch (error) {
      expect(isKtxError(error, 'unsupported_expression')).toBe(true);
      expect((error as Error).message).toContain('MySQL/MariaDB');
    }
  });
});
