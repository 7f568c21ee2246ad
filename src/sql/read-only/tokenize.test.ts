import { describe, expect, test } from 'vitest';
import type { DialectName } from '../dialect-name.js';
import { getDialect } from '../dialects/registry.js';
import { tokenize } from './tokenize.js';

/** `kind:text` per token, or the refusal reason. */
function lex(sql: string, dialect: DialectName, modeName?: string): string[] | string {
  const { lexical } = getDialect(dialect);
  const mode = lexical.modes.find((candidate) => candidate.name === modeName) ?? lexical.modes[0];
  const result = tokenize(sql, lexical, mode);
  if (!result.ok) return result.reason;
  return Array.from({ length: result.tokens.length }, (_, index) => {
    return `${result.tokens.kind(index)}:${result.tokens.text(index)}`;
  });
}

describe('tokenize', () => {
  test('splits words, numbers, strings and punctuation, dropping whitespace', () => {
    expect(lex("SELECT a1, 2.5e3, 'x' FROM t;", 'postgres')).toEqual([
      'word:SELECT',
      'word:a1',
      'punctuation:,',
      'number:2.5e3',
      'punctuation:,',
      "string:'x'",
      'word:FROM',
      'word:t',
      'punctuation:;',
    ]);
  });

  test('drops line and block comments', () => {
    expect(lex('SELECT /* DELETE */ 1 -- DROP\n, 2', 'sqlite')).toEqual([
      'word:SELECT',
      'number:1',
      'punctuation:,',
      'number:2',
    ]);
  });

  test('nests block comments only where the dialect does', () => {
    expect(lex('SELECT 1 /* a /* b */ c */', 'postgres')).toEqual(['word:SELECT', 'number:1']);
    expect(lex('SELECT 1 /* a /* b */ c */', 'sqlite')).toEqual([
      'word:SELECT',
      'number:1',
      'word:c',
      'punctuation:*',
      'punctuation:/',
    ]);
  });

  test('reads MySQL -- as a comment only before whitespace, a control character or the end', () => {
    expect(lex('SELECT 1 --x', 'mysql')).toEqual([
      'word:SELECT',
      'number:1',
      'punctuation:-',
      'punctuation:-',
      'word:x',
    ]);
    expect(lex('SELECT 1 -- x', 'mysql')).toEqual(['word:SELECT', 'number:1']);
    expect(lex('SELECT 1 --', 'mysql')).toEqual(['word:SELECT', 'number:1']);
    expect(lex('SELECT 1 --x', 'postgres')).toEqual(['word:SELECT', 'number:1']);
  });

  test('reads # as a comment in MySQL and as an operator elsewhere', () => {
    expect(lex('SELECT 5 # 3', 'mysql')).toEqual(['word:SELECT', 'number:5']);
    expect(lex('SELECT 5 # 3', 'postgres')).toEqual(['word:SELECT', 'number:5', 'punctuation:#', 'number:3']);
  });

  test('refuses MySQL executable comments and optimizer hints (SET_VAR can lift limits)', () => {
    expect(lex('SELECT /*! 1 */ 2', 'mysql')).toMatch(/executable comment/);
    expect(lex('SELECT /*M! 1 */ 2', 'mysql')).toMatch(/executable comment/);
    expect(lex('SELECT /*+ MAX_EXECUTION_TIME(0) */ 2', 'mysql')).toMatch(/optimizer hint/);
    expect(lex('SELECT /*+ NO_INDEX(t) */ 2', 'postgres')).toEqual(['word:SELECT', 'number:2']);
    expect(lex('SELECT /*! 1 */ 2', 'postgres')).toEqual(['word:SELECT', 'number:2']);
  });

  test('keeps doubled quotes inside strings and quoted identifiers', () => {
    expect(lex(`SELECT 'it''s', "a""b"`, 'postgres')).toEqual([
      'word:SELECT',
      "string:'it''s'",
      'punctuation:,',
      'quoted-identifier:"a""b"',
    ]);
  });

  test('reads backslash escapes only in the modes and strings that have them', () => {
    const sql = "SELECT 'a\\'b'";
    expect(lex(sql, 'mysql')).toEqual(['word:SELECT', "string:'a\\'b'"]);
    expect(lex(sql, 'mysql', 'NO_BACKSLASH_ESCAPES')).toBe('an unterminated string literal');
    expect(lex("SELECT 'a\\\\' , 1", 'mysql', 'NO_BACKSLASH_ESCAPES')).toEqual([
      'word:SELECT',
      "string:'a\\\\'",
      'punctuation:,',
      'number:1',
    ]);
    expect(lex(sql, 'postgres')).toBe('an unterminated string literal');
    expect(lex("SELECT E'a\\'b'", 'postgres')).toEqual(['word:SELECT', "string:E'a\\'b'"]);
    expect(lex("SELECT e'a\\'b'", 'duckdb')).toEqual(['word:SELECT', "string:e'a\\'b'"]);
  });

  test('reads double quotes as strings or names depending on the MySQL mode', () => {
    expect(lex('SELECT "x"', 'mysql')).toEqual(['word:SELECT', 'string:"x"']);
    expect(lex('SELECT "x"', 'mysql', 'ANSI_QUOTES')).toEqual(['word:SELECT', 'quoted-identifier:"x"']);
  });

  test('reads backtick and bracket identifiers where the dialect has them', () => {
    expect(lex('SELECT `a``b`', 'mysql')).toEqual(['word:SELECT', 'quoted-identifier:`a``b`']);
    expect(lex("SELECT [it's]", 'sqlite')).toEqual(['word:SELECT', "quoted-identifier:[it's]"]);
    expect(lex('SELECT a[1]', 'postgres')).toEqual([
      'word:SELECT',
      'word:a',
      'punctuation:[',
      'number:1',
      'punctuation:]',
    ]);
  });

  test('reads dollar quotes, $1 parameters and $ inside names', () => {
    expect(lex("SELECT $$it's$$, $tag$ $$ $tag$, $1, $name", 'duckdb')).toEqual([
      'word:SELECT',
      "string:$$it's$$",
      'punctuation:,',
      'string:$tag$ $$ $tag$',
      'punctuation:,',
      'parameter:$1',
      'punctuation:,',
      'parameter:$name',
    ]);
    expect(lex('SELECT a$b$ FROM t', 'postgres')).toEqual([
      'word:SELECT',
      'word:a$b$',
      'word:FROM',
      'word:t',
    ]);
    expect(lex('SELECT $x', 'mysql')).toEqual(['word:SELECT', 'word:$x']);
  });

  test('refuses unterminated strings, names, dollar quotes and comments', () => {
    expect(lex("SELECT 'x", 'sqlite')).toBe('an unterminated string literal');
    expect(lex('SELECT "x', 'postgres')).toBe('an unterminated quoted identifier');
    expect(lex('SELECT $a$ x', 'postgres')).toBe('an unterminated dollar-quoted string');
    expect(lex('SELECT 1 /* x', 'sqlite')).toBe('an unterminated block comment');
    expect(lex('SELECT 1 /* /* */', 'postgres')).toBe('an unterminated block comment');
  });

  test('treats non-ASCII letters as name characters', () => {
    expect(lex('SELECT größe, ＤＥＬＥＴＥ, 😀x', 'postgres')).toEqual([
      'word:SELECT',
      'word:größe',
      'punctuation:,',
      'word:ＤＥＬＥＴＥ',
      'punctuation:,',
      'word:😀x',
    ]);
  });

  test('refuses invisible characters outside quotes but not inside strings or comments', () => {
    expect(lex('SELECT\u00a01', 'duckdb')).toMatch(/U\+00A0/);
    expect(lex('SELECT a\u200bb', 'postgres')).toMatch(/U\+200B/);
    expect(lex('SELECT 1 \u202e', 'mysql')).toMatch(/U\+202E/);
    expect(lex("SELECT 'a\u00a0b\u200b' -- \u202e\n", 'postgres')).toEqual([
      'word:SELECT',
      "string:'a\u00a0b\u200b'",
    ]);
    expect(lex('SELECT $\u200b$ x $\u200b$', 'postgres')).toMatch(/U\+200B/);
  });

  test('refuses NUL anywhere, other controls outside quotes and a carriage return without a line feed', () => {
    expect(lex("SELECT 'a\u0000'", 'mysql')).toMatch(/NUL/);
    expect(lex('SELECT\u000b1', 'sqlite')).toMatch(/U\+000B/);
    expect(lex('SELECT 1 -- x\rDELETE', 'postgres')).toMatch(/carriage return/);
    expect(lex('SELECT\r1', 'postgres')).toMatch(/carriage return/);
    expect(lex('SELECT 1 -- x\r\n, 2', 'sqlite')).toEqual([
      'word:SELECT',
      'number:1',
      'punctuation:,',
      'number:2',
    ]);
  });

  test('reports backslashes inside plain strings so unaffected modes can be skipped', () => {
    const { lexical } = getDialect('mysql');
    const run = (sql: string) => {
      const result = tokenize(sql, lexical, lexical.modes[0]);
      return result.ok && result.backslashInString;
    };
    expect(run("SELECT 'a\\n'")).toBe(true);
    expect(run('SELECT "a\\n"')).toBe(true);
    expect(run("SELECT 'a' -- \\ in a comment")).toBe(false);
  });

  test('keeps PostgreSQL number and E-string boundaries', () => {
    expect(lex("SELECT 1e'x'", 'postgres')).toEqual(['word:SELECT', 'number:1', "string:e'x'"]);
    expect(lex('SELECT 1e-3, .5', 'postgres')).toEqual([
      'word:SELECT',
      'number:1e-3',
      'punctuation:,',
      'number:.5',
    ]);
  });
});

describe('tokenize: warehouse dialects', () => {
  test('reads // as a line comment only in Snowflake and ClickHouse', () => {
    expect(lex('SELECT 1 // x\n, 2', 'snowflake')).toEqual([
      'word:SELECT',
      'number:1',
      'punctuation:,',
      'number:2',
    ]);
    expect(lex('SELECT 1 // x', 'clickhouse')).toEqual(['word:SELECT', 'number:1']);
    expect(lex('SELECT 4 // 2', 'postgres')).toEqual([
      'word:SELECT',
      'number:4',
      'punctuation:/',
      'punctuation:/',
      'number:2',
    ]);
  });

  test('reads GoogleSQL triple-quoted strings and never doubles a quote', () => {
    expect(lex(`SELECT '''it's''', """a "b" c"""`, 'bigquery')).toEqual([
      'word:SELECT',
      "string:'''it's'''",
      'punctuation:,',
      'string:"""a "b" c"""',
    ]);
    expect(lex("SELECT 'a''b'", 'bigquery')).toEqual(['word:SELECT', "string:'a'", "string:'b'"]);
    expect(lex("SELECT '''a\\''''", 'bigquery')).toEqual(['word:SELECT', "string:'''a\\''''"]);
    expect(lex("SELECT '''a", 'bigquery')).toBe('an unterminated string literal');
    expect(lex("SELECT r'\\'', b'x'", 'bigquery')).toEqual([
      'word:SELECT',
      'word:r',
      "string:'\\''",
      'punctuation:,',
      'word:b',
      "string:'x'",
    ]);
  });

  test('reads backslash escapes in quoted names where the dialect has them', () => {
    expect(lex('SELECT `a\\`b`', 'bigquery')).toEqual(['word:SELECT', 'quoted-identifier:`a\\`b`']);
    expect(lex('SELECT "a\\"b", `c``d`', 'clickhouse')).toEqual([
      'word:SELECT',
      'quoted-identifier:"a\\"b"',
      'punctuation:,',
      'quoted-identifier:`c``d`',
    ]);
    expect(lex('SELECT "a\\" x', 'snowflake')).toEqual(['word:SELECT', 'quoted-identifier:"a\\"', 'word:x']);
  });

  test('reads SQL Server brackets with ]] inside, and SQLite brackets to the first ]', () => {
    expect(lex('SELECT [a]]b], [c]', 'tsql')).toEqual([
      'word:SELECT',
      'quoted-identifier:[a]]b]',
      'punctuation:,',
      'quoted-identifier:[c]',
    ]);
    expect(lex('SELECT [a]]', 'sqlite')).toEqual(['word:SELECT', 'quoted-identifier:[a]', 'punctuation:]']);
    expect(lex('SELECT [a]]', 'tsql')).toBe('an unterminated quoted identifier');
  });

  test('reads only $$ as a Snowflake quote; other $ words are names', () => {
    expect(lex("SELECT $$it's$$, $1, $var, $a$", 'snowflake')).toEqual([
      'word:SELECT',
      "string:$$it's$$",
      'punctuation:,',
      'word:$1',
      'punctuation:,',
      'word:$var',
      'punctuation:,',
      'word:$a$',
    ]);
    expect(lex('SELECT $$ x', 'snowflake')).toBe('an unterminated dollar-quoted string');
  });

  test('reads ClickHouse heredocs with any delimiter and refuses ambiguous dollars', () => {
    expect(lex("SELECT $a b$x'$a b$, $", 'clickhouse')).toEqual([
      'word:SELECT',
      "string:$a b$x'$a b$",
      'punctuation:,',
      'punctuation:$',
    ]);
    expect(lex('SELECT $x$ y', 'clickhouse')).toMatch(/heredoc string without an end/);
    expect(lex('SELECT a$b', 'clickhouse')).toMatch(/`\$` inside a name/);
  });

  test('refuses non-ASCII outside quotes where the engine gives it other meanings', () => {
    expect(lex('SELECT \u2018x\u2019', 'clickhouse')).toMatch(/non-ASCII character U\+2018/);
    expect(lex('SELECT a\u2212b', 'clickhouse')).toMatch(/U\+2212/);
    expect(lex('SELECT größe', 'bigquery')).toMatch(/U\+00F6/);
    expect(lex("SELECT 'größe' -- é\n", 'clickhouse')).toEqual(['word:SELECT', "string:'größe'"]);
    expect(lex('SELECT größe', 'tsql')).toEqual(['word:SELECT', 'word:größe']);
  });

  test('nests block comments in ClickHouse and SQL Server, not in Snowflake or BigQuery', () => {
    for (const dialect of ['clickhouse', 'tsql'] as const) {
      expect(lex('SELECT 1 /* a /* b */ c */', dialect)).toEqual(['word:SELECT', 'number:1']);
    }
    for (const dialect of ['snowflake', 'bigquery'] as const) {
      expect(lex('SELECT 1 /* a /* b */ c', dialect)).toEqual(['word:SELECT', 'number:1', 'word:c']);
    }
  });
});
