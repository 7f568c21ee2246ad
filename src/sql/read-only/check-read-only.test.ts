import { describe, expect, test } from 'vitest';
import { isKtxError } from '../../core/index.js';
import { DIALECT_NAMES, type DialectName } from '../dialect-name.js';
import { assertReadOnly, checkReadOnly, type ReadOnlyCheckOptions } from './check-read-only.js';

function reason(sql: string, dialect: DialectName, options: ReadOnlyCheckOptions = {}): string | null {
  const verdict = checkReadOnly(sql, dialect, options);
  return verdict.ok ? null : verdict.reason;
}

describe('checkReadOnly: statement shape', () => {
  test.each(DIALECT_NAMES)(
    '%s accepts a plain select, parenthesised or with trailing semicolons',
    (dialect) => {
      expect(reason('SELECT 1', dialect)).toBeNull();
      expect(reason('  select 1 ;; ', dialect)).toBeNull();
      expect(reason('((SELECT 1))', dialect)).toBeNull();
      expect(reason('WITH x AS (SELECT 1 AS a) SELECT a FROM x', dialect)).toBeNull();
    },
  );

  test('refuses a second statement, and an empty text', () => {
    expect(reason('SELECT 1; SELECT 2', 'postgres')).toMatch(/more than one statement/);
    expect(reason(';;', 'sqlite')).toBe('there is no statement to run');
    expect(reason('-- only a comment', 'mysql')).toBe('there is no statement to run');
  });

  test('names the effect of a refused verb, or the allow-list for an unknown one', () => {
    expect(reason('delete from t', 'postgres')).toBe('DELETE modifies data');
    expect(reason('SET ROLE admin', 'postgres')).toBe('SET changes session state');
    expect(reason('CHECKPOINT', 'duckdb')).toBe('CHECKPOINT runs maintenance that writes');
    expect(reason('FROBNICATE t', 'sqlite')).toBe(
      'FROBNICATE is not a read-only statement for sqlite (allowed: SELECT, WITH, VALUES, EXPLAIN, PRAGMA)',
    );
    expect(reason("'x'", 'sqlite')).toBe('the statement does not start with a keyword');
  });

  test('takes statement verbs from each dialect', () => {
    expect(reason('SHOW TABLES', 'mysql')).toBeNull();
    expect(reason('SHOW TABLES', 'sqlite')).toMatch(/not a read-only statement/);
    expect(reason('FROM t SELECT a', 'duckdb')).toBeNull();
    expect(reason('FROM t SELECT a', 'postgres')).toMatch(/not a read-only statement/);
    expect(reason('TABLE t', 'postgres')).toBeNull();
    expect(reason('DESC t', 'mysql')).toBeNull();
  });
});

describe('checkReadOnly: words inside the statement', () => {
  test('refuses write verbs anywhere as bare words', () => {
    expect(reason('WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', 'postgres')).toBe(
      'DELETE inside the statement modifies data',
    );
    expect(reason('SELECT * INTO t2 FROM t', 'postgres')).toMatch(/^INTO inside the statement/);
    expect(reason('EXPLAIN ANALYZE SELECT 1', 'postgres')).toMatch(/^ANALYZE inside/);
    expect(reason('EXPLAIN (ANALYSE) SELECT 1', 'postgres')).toMatch(/^ANALYSE inside/);
  });

  test('ignores the same words in strings, quoted names and comments', () => {
    expect(reason(`SELECT 'DELETE FROM t', "update" /* DROP */ FROM t -- INSERT`, 'postgres')).toBeNull();
    expect(reason('SELECT `delete` FROM t # DROP', 'mysql')).toBeNull();
    expect(reason('SELECT [insert] FROM t', 'sqlite')).toBeNull();
  });

  test('does not refuse ordinary names that merely contain or resemble verbs', () => {
    expect(
      reason('SELECT updated_at, created_by, comment, replace(a, b, c) FROM deleted_rows', 'postgres'),
    ).toBeNull();
    expect(reason('SELECT CAST(a AS CHAR CHARACTER SET utf8mb4) FROM t', 'mysql')).toBeNull();
    expect(reason("SELECT CASE WHEN a THEN 'x' END FROM t", 'sqlite')).toBeNull();
  });

  test('folds only ASCII letters when matching keywords, as the engines do', () => {
    expect(reason('ſelect 1', 'postgres')).toMatch(/^ſELECT is not a read-only statement for postgres/);
    expect(reason('SELECT 1 FROM t WHERE ınto = 1', 'postgres')).toBeNull();
  });

  test('refuses locking clauses', () => {
    expect(reason('SELECT * FROM t FOR UPDATE', 'postgres')).toMatch(/^UPDATE inside/);
    expect(reason('SELECT * FROM t FOR SHARE', 'postgres')).toBe('FOR SHARE locks rows');
    expect(reason('SELECT * FROM t FOR KEY SHARE', 'postgres')).toBe('FOR KEY SHARE locks rows');
    expect(reason('SELECT * FROM t LOCK IN SHARE MODE', 'mysql')).toBe('LOCK IN SHARE MODE locks rows');
    expect(reason('SELECT share, "for" FROM t', 'postgres')).toBeNull();
  });

  test('exempts only the word right after SHOW', () => {
    expect(reason('SHOW CREATE TABLE orders', 'mysql')).toBeNull();
    expect(reason('SHOW TABLES WHERE x IN (SELECT 1 FROM t FOR UPDATE)', 'mysql')).toMatch(/^UPDATE inside/);
  });
});

describe('checkReadOnly: phrases and operators', () => {
  test('refuses forbidden phrases but not their words alone', () => {
    expect(reason('SELECT NEXT VALUE FOR dbo.s', 'tsql')).toBe(
      'NEXT VALUE FOR changes server state or runs another statement',
    );
    expect(reason('SELECT id FROM t ORDER BY id OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY', 'tsql')).toBeNull();
    expect(reason('SELECT 1 PARALLEL WITH SELECT 2', 'clickhouse')).toMatch(/^PARALLEL WITH /);
  });

  test('refuses forbidden operators, also spelled with spaces or comments between their characters', () => {
    expect(reason('SELECT * FROM @stage', 'snowflake')).toBe(
      '`@` names a stage, which reads files rather than tables',
    );
    expect(reason('SELECT 1 ->> SELECT 2', 'snowflake')).toBe('`->>` chains another statement onto this one');
    expect(reason('SELECT 1 - /* */ >> SELECT 2', 'snowflake')).toMatch(/^`->>` /);
    expect(reason('SELECT TRANSFORM(a, x INT -> x > 1) FROM t', 'snowflake')).toBeNull();
    expect(reason('SELECT \'@x\', "@y" FROM t', 'snowflake')).toBeNull();
    expect(reason('SELECT @p', 'bigquery')).toBeNull();
  });
});

describe('checkReadOnly: function calls', () => {
  test('refuses forbidden functions however they are spelled', () => {
    for (const sql of [
      'SELECT pg_read_file(x)',
      'SELECT PG_READ_FILE(x)',
      'SELECT pg_catalog.pg_read_file(x)',
      'SELECT "pg_read_file"(x)',
      'SELECT pg_read_file /* c */ (x)',
      'SELECT lo_import(x)',
      'SELECT pg_try_advisory_xact_lock(1)',
      'SELECT pg_create_logical_replication_slot(a, b)',
    ]) {
      expect(reason(sql, 'postgres'), sql).toMatch(/^calling .*\(\) can change server state/);
    }
  });

  test('allows other functions and the forbidden names when they are not called', () => {
    expect(reason('SELECT lower(name), pg_read_file FROM t', 'postgres')).toBeNull();
    expect(reason('SELECT count(*) FROM lo_stats', 'postgres')).toBeNull();
  });

  test('refuses quoted function names that could hide escapes', () => {
    expect(reason('SELECT U&"pg\\005fsleep"(1)', 'postgres', { timeoutMs: 5000 })).toMatch(
      /quoted function name/,
    );
  });

  test('allows a literal sleep within the timeout and nothing else', () => {
    expect(reason('SELECT pg_sleep(2)', 'postgres', { timeoutMs: 5000 })).toBeNull();
    expect(reason('SELECT SLEEP(0.5)', 'mysql', { timeoutMs: 500 })).toBeNull();
    expect(reason('SELECT pg_sleep(6)', 'postgres', { timeoutMs: 5000 })).toBe(
      'pg_sleep(6) sleeps longer than the 5000 ms statement timeout',
    );
    expect(reason('SELECT pg_sleep(2)', 'postgres')).toBe(
      'pg_sleep() sleeps and no statement timeout bounds it',
    );
    expect(reason('SELECT sleep(a) FROM t', 'mysql', { timeoutMs: 5000 })).toMatch(/not a numeric literal/);
    expect(reason("SELECT pg_sleep_for('1 s')", 'postgres', { timeoutMs: 5000 })).toMatch(
      /not a numeric literal/,
    );
  });
});

describe('checkReadOnly: PRAGMA', () => {
  test('accepts listed PRAGMAs in their listed shape', () => {
    expect(reason('PRAGMA table_info(orders)', 'sqlite')).toBeNull();
    expect(reason("PRAGMA main.table_info('orders')", 'sqlite')).toBeNull();
    expect(reason('PRAGMA user_version;', 'sqlite')).toBeNull();
    expect(reason('PRAGMA show_tables', 'duckdb')).toBeNull();
  });

  test('refuses assignments, argument forms of value PRAGMAs and unlisted names', () => {
    expect(reason('PRAGMA user_version = 1', 'sqlite')).toBe('a PRAGMA with `=` sets a value');
    expect(reason('PRAGMA user_version(1)', 'sqlite')).toBe(
      'PRAGMA user_version with an argument sets a value',
    );
    expect(reason('PRAGMA table_info', 'sqlite')).toMatch(/takes exactly one argument/);
    expect(reason('PRAGMA table_info(a, b)', 'sqlite')).toMatch(/takes exactly one argument/);
    expect(reason('PRAGMA writable_schema', 'sqlite')).toBe(
      'PRAGMA writable_schema is not on the read-only PRAGMA list',
    );
    expect(reason('PRAGMA table_info(t)', 'postgres')).toMatch(/not a read-only statement/);
  });
});

describe('checkReadOnly: lexical modes', () => {
  test('refuses what is harmless by default but writes under another engine setting, naming the setting', () => {
    expect(reason("SELECT 'a\\'; DELETE FROM t; -- '", 'mysql')).toBe(
      'more than one statement (text follows the first `;`) (when the server runs with NO_BACKSLASH_ESCAPES)',
    );
    expect(reason("SELECT 'a\\'; DELETE FROM t; -- '", 'postgres')).toMatch(/^more than one statement/);
    // One string by default, harmless without backslash escapes, two statements when `"` quotes names.
    expect(reason(`SELECT "a\\", 'b\\' -- ', 1; DELETE FROM t; -- '"`, 'mysql')).toBe(
      'more than one statement (text follows the first `;`) (when the server runs with ANSI_QUOTES)',
    );
    // Under NO_BACKSLASH_ESCAPES the call escapes the string; read as a string it is judged like a name.
    expect(reason(`SELECT 'a\\', "sleep"(3600) -- '`, 'mysql', { timeoutMs: 1000 })).toMatch(
      /^sleep\(3600\) sleeps longer .* \(when the server runs with NO_BACKSLASH_ESCAPES\)$/,
    );
  });

  test('accepts what is harmless under every setting', () => {
    expect(reason(`SELECT 'it''s', "x" FROM t WHERE a = 'b\\\\c'`, 'mysql')).toBeNull();
  });
});

describe('assertReadOnly', () => {
  test('throws read_only_violation with the reason', () => {
    try {
      assertReadOnly('DROP TABLE t', 'sqlite');
      expect.unreachable();
    } catch (error) {
      expect(isKtxError(error, 'read_only_violation')).toBe(true);
      expect((error as Error).message).toBe('Refused: DROP changes the schema.');
    }
    expect(() => assertReadOnly('SELECT 1', 'sqlite')).not.toThrow();
  });

  test('rejects an unknown dialect name from untyped callers', () => {
    expect(() => checkReadOnly('SELECT 1', 'oracle' as DialectName)).toThrow(/Unknown SQL dialect "oracle"/);
  });
});

// Speed is measured in `npm run bench` (group read-only-gate), never asserted here.
describe('large statements', () => {
  test('accepts a 100 KB read-only statement in every dialect', () => {
    const unit =
      "SELECT o.id, replace(c.name, 'a', 'b') AS n, \"Mixed\", sum(o.amount) OVER (PARTITION BY c.id) -- note\n" +
      " FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status IN ('open', 'x\\y') /* c */ UNION ALL\n";
    const sql = `${unit.repeat(Math.ceil(100_000 / unit.length))}SELECT 1`;
    for (const dialect of DIALECT_NAMES) expect(checkReadOnly(sql, dialect), dialect).toEqual({ ok: true });
  });
});
