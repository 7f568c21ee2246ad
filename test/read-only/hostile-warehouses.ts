import type { DialectName } from '../../src/sql/index.js';
import type { HostileCase } from './corpus-case.js';

type Case = [id: string, sql: string, why: string];

/**
 * Statements and lexer tricks for the warehouse dialects, which have no engine here to replay them
 * against, so no case carries `engineRefuses`. Most lexer cases hide a second statement from a
 * lexer that reads the dialect's comments or quotes the way another engine does: each says which
 * reading would have let it through. Function calls are in `hostile-calls.ts`.
 */
const CASES: Record<'snowflake' | 'bigquery' | 'clickhouse' | 'tsql', Case[]> = {
  snowflake: [
    [
      'slash-slash-comment',
      "SELECT 1 // '\n; DELETE FROM t -- '",
      '`//` is a line comment; a lexer without it reads one string and misses the DELETE',
    ],
    [
      'backslash-escape-hides-semicolon',
      "SELECT 'x\\' AS a, '; DROP TABLE t; --'",
      "`\\'` does not end the string, so `;` is code; a standard lexer sees two strings",
    ],
    [
      'double-dollar-string',
      "SELECT $$'$$; DELETE FROM t; -- '",
      '`$$…$$` is a string; a lexer without it reads one string from the quote',
    ],
    [
      'tagged-dollar-is-no-string',
      'SELECT $a$; DELETE FROM t; $a$',
      'only `$$` quotes; `$a$` is a variable name, so a PostgreSQL lexer sees one string',
    ],
    [
      'block-comments-do-not-nest',
      'SELECT 1 /* /* */ ; DELETE FROM t; -- */',
      'the first `*/` ends the comment; a nesting lexer sees one comment',
    ],
    [
      'backslash-in-name-is-literal',
      'SELECT "a\\" AS x; DELETE FROM t -- "',
      'names take no backslash escapes, so the name ends at the second quote',
    ],
    ['flow-operator', 'SELECT 1 ->> USE ROLE ACCOUNTADMIN', '`->>` chains any statement onto a query'],
    ['flow-operator-after-show', 'SHOW TABLES ->> GRANT ROLE sysadmin TO USER mallory', '`->>` after SHOW'],
    ['stage-select', 'SELECT $1, $2 FROM @my_stage/data.csv', 'reads stage files, not tables'],
    ['user-stage-select', 'SELECT $1 FROM @~/exports/', 'the user stage'],
    ['list-stage', 'LIST @my_stage', 'lists stage files'],
    ['copy-into-location', 'COPY INTO @my_stage/out/ FROM t', 'unloads a table to files'],
    ['copy-into-table', 'COPY INTO t FROM @my_stage', 'loads files into a table'],
    ['put-file', 'PUT file:///tmp/x.csv @~', 'uploads a file'],
    ['get-file', 'GET @~/x.csv file:///tmp/', 'downloads a file'],
    ['remove-file', 'REMOVE @~/x.csv', 'deletes stage files'],
    ['merge', 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'MERGE writes'],
    ['undrop', 'UNDROP TABLE t', 'restores a dropped table'],
    ['use-role', 'USE ROLE ACCOUNTADMIN', 'changes the session role'],
    ['set-variable', 'SET x = 1', 'sets a session variable'],
    ['unset-variable', 'UNSET x', 'unsets a session variable'],
    ['call', 'CALL my_proc()', 'runs a procedure'],
    ['execute-immediate', 'EXECUTE IMMEDIATE $$DELETE FROM t$$', 'runs SQL given as a string'],
    ['execute-task', 'EXECUTE TASK my_task', 'runs a task'],
    ['begin', 'BEGIN TRANSACTION', 'transaction control'],
    ['commit', 'COMMIT', 'transaction control'],
    ['grant', 'GRANT ROLE analyst TO USER mallory', 'changes privileges'],
    ['truncate', 'TRUNCATE TABLE t', 'empties a table'],
    [
      'anonymous-procedure',
      'WITH p AS PROCEDURE () RETURNS INT LANGUAGE SQL AS $$ BEGIN DELETE FROM t; RETURN 1; END $$ CALL p()',
      'WITH can define and call a procedure whose body hides in a string',
    ],
    ['nextval', 'SELECT s.NEXTVAL', 'advances a sequence'],
  ],
  bigquery: [
    [
      'hash-comment',
      "SELECT 1 # '\n; DELETE FROM t WHERE true -- '",
      '`#` is a line comment; a lexer without it reads one string',
    ],
    [
      'triple-quote-ends-early',
      "SELECT '''it's''' ; DELETE FROM t WHERE true -- '",
      "the triple-quoted string ends at `'''`; a doubled-quote lexer sees one string to the last quote",
    ],
    [
      'double-quotes-are-strings',
      'SELECT "a\\" AS x, " ; DELETE FROM t WHERE true; -- "',
      '`"…"` is a string with escapes; a lexer reading a name ends it at the second quote',
    ],
    [
      'backtick-backslash-escape',
      'SELECT `a\\` AS x, ` ; DELETE FROM t WHERE true; -- `',
      'backtick names take backslash escapes; a MySQL lexer ends the name early',
    ],
    [
      'raw-string-backslash-keeps-quote',
      "SELECT r'\\' AS a, ' ; DELETE FROM t WHERE true; -- '",
      'a backslash in a raw string still keeps the quote after it in the string',
    ],
    [
      'bytes-backslash-escape',
      "SELECT b'\\' AS a, ' ; DELETE FROM t WHERE true; -- '",
      'bytes literals escape like strings',
    ],
    [
      'block-comments-do-not-nest',
      'SELECT 1 /* /* */ ; DELETE FROM t WHERE true; -- */',
      'the first `*/` ends the comment',
    ],
    ['delete', 'DELETE FROM t WHERE true', 'DML'],
    ['merge', 'MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'DML'],
    ['truncate', 'TRUNCATE TABLE t', 'DML'],
    [
      'export-data',
      "EXPORT DATA OPTIONS (uri = 'gs://bucket/*.csv', format = 'CSV') AS SELECT * FROM t",
      'writes files',
    ],
    [
      'load-data',
      "LOAD DATA INTO t FROM FILES (format = 'CSV', uris = ['gs://bucket/x.csv'])",
      'loads files into a table',
    ],
    ['call', 'CALL mydataset.my_proc()', 'runs a procedure'],
    ['execute-immediate', "EXECUTE IMMEDIATE 'DELETE FROM t WHERE true'", 'runs SQL given as a string'],
    ['declare', 'DECLARE x INT64 DEFAULT 1', 'scripting'],
    ['set-system-variable', "SET @@dataset_id = 'other'", 'changes session state'],
    ['begin-block', 'BEGIN SELECT 1; DELETE FROM t WHERE true; END', 'a script block'],
    ['assert', "ASSERT (SELECT COUNT(*) FROM t) > 0 AS 'has rows'", 'a scripting statement, refused too'],
    [
      'temp-function-then-select',
      'CREATE TEMP FUNCTION f(x INT64) AS (x); SELECT f(1)',
      'DDL before the query',
    ],
    ['create-table-as', 'CREATE TABLE d.t2 AS SELECT * FROM t', 'DDL'],
  ],
  clickhouse: [
    [
      'slash-slash-comment',
      "SELECT 1 // '\n; DROP TABLE t -- '",
      '`//` is a line comment; a lexer without it reads one string',
    ],
    [
      'hash-space-comment',
      "SELECT 1 # '\n; DROP TABLE t -- '",
      '`# ` is a line comment; a lexer without it reads one string',
    ],
    ['shebang-comment', "SELECT 1 #!'\n; DROP TABLE t -- '", '`#!` is a line comment too'],
    [
      'block-comments-nest',
      "SELECT 1 /* /* */ , ' */ ; DROP TABLE t; -- '",
      'comments nest; a flat lexer ends the comment early and reads one string',
    ],
    [
      'backslash-escape-hides-semicolon',
      "SELECT 'x\\' AS a, '; DROP TABLE t; --'",
      "`\\'` does not end the string",
    ],
    [
      'backtick-backslash-escape',
      'SELECT `a\\` AS x, ` ; DROP TABLE t; -- `',
      'backtick names take backslash escapes',
    ],
    [
      'double-quoted-name-backslash-escape',
      'SELECT "a\\" AS x, " ; DROP TABLE t; -- "',
      '`"…"` names take backslash escapes',
    ],
    [
      'heredoc',
      "SELECT $x$'$x$ ; DROP TABLE t; -- '",
      '`$x$…$x$` is a string; a lexer without heredocs reads one string from the quote',
    ],
    [
      'heredoc-delimiter-with-quote',
      "SELECT $'$ ' $'$ ; DROP TABLE t -- '",
      'the delimiter is anything up to the next `$`, a quote included',
    ],
    [
      'heredoc-after-digit-word',
      "SELECT 1a$x$ '$x$ ; DROP TABLE t; -- '",
      'a word that starts with a digit ends before `$`, which then opens a heredoc',
    ],
    [
      'unterminated-heredoc',
      'SELECT $x$ FROM t',
      'a `$` whose delimiter never recurs is refused rather than guessed',
    ],
    [
      'curly-quotes',
      "SELECT \u201c'\u201d ; DROP TABLE t; -- '",
      'the lexer reads “…” as a quoted name; a lexer taking them for letters reads one string',
    ],
    ['vertical-delimiter', 'SELECT 1 \\G SYSTEM SHUTDOWN', '`\\G` ends the query like `;`'],
    ['settings-clause', 'SELECT * FROM t SETTINGS readonly = 0', 'a SETTINGS clause changes behaviour'],
    ['parallel-with', 'SELECT 1 PARALLEL WITH SYSTEM SHUTDOWN', 'PARALLEL WITH runs any statement'],
    ['into-outfile', "SELECT * FROM t INTO OUTFILE '/tmp/x.csv'", 'writes a file'],
    ['insert-select', 'INSERT INTO t SELECT * FROM t', 'DML'],
    ['alter-update', "ALTER TABLE t UPDATE name = 'x' WHERE 1", 'a mutation'],
    ['alter-delete', 'ALTER TABLE t DELETE WHERE 1', 'a mutation'],
    ['lightweight-delete', 'DELETE FROM t WHERE 1', 'DML'],
    ['optimize', 'OPTIMIZE TABLE t FINAL', 'rewrites parts'],
    ['system-shutdown', 'SYSTEM SHUTDOWN', 'stops the server'],
    ['system-drop-cache', 'SYSTEM DROP DNS CACHE', 'server administration'],
    ['kill-query', 'KILL QUERY WHERE 1', 'kills queries'],
    ['set-readonly', 'SET readonly = 0', 'lifts the read-only setting'],
    ['use', 'USE system', 'changes the session database'],
    ['rename', 'RENAME TABLE t TO u', 'DDL'],
    ['exchange', 'EXCHANGE TABLES t AND u', 'DDL'],
    ['attach', 'ATTACH TABLE t', 'DDL'],
    ['detach', 'DETACH TABLE t', 'DDL'],
    ['truncate', 'TRUNCATE TABLE t', 'empties a table'],
    ['grant', 'GRANT ALL ON *.* TO mallory', 'changes privileges'],
  ],
  tsql: [
    ['exec-without-semicolon', "SELECT 1 EXEC master..xp_cmdshell 'whoami'", 'statements need no `;`'],
    ['go-batch', 'SELECT 1\nGO\nSELECT 2', 'GO separates batches in client tools'],
    ['go-then-drop', 'SELECT 1\nGO\nDROP TABLE t', 'a batch after GO'],
    [
      'block-comments-nest',
      "SELECT 1 /* /* */ , ' */ DROP TABLE t -- '",
      'comments nest; a flat lexer ends the comment early and reads one string',
    ],
    [
      'bracket-doubled-close',
      "SELECT [a]]'] DROP TABLE t -- ']",
      '`]]` stays inside the name; a lexer ending at the first `]` reads one string',
    ],
    [
      'backslash-is-literal',
      "SELECT N'x\\' DROP TABLE t -- '",
      'no backslash escapes: the string ends at the second quote',
    ],
    ['second-statement-without-semicolon', 'SELECT 1 DELETE FROM t', 'a DELETE after a query'],
    ['declare-set', 'DECLARE @x INT SET @x = 1 SELECT @x', 'variables'],
    ['waitfor-delay', "WAITFOR DELAY '01:00:00'", 'sleeps'],
    ['waitfor-after-select', "SELECT 1 WAITFOR DELAY '01:00:00'", 'sleeps after the query'],
    ['dbcc', 'DBCC CHECKDB', 'server maintenance'],
    ['bulk-insert', "BULK INSERT t FROM 'C:\\data.csv'", 'loads a server file'],
    ['exec-dynamic', "EXEC('DELETE FROM t')", 'runs SQL given as a string'],
    ['execute-as', "EXECUTE AS LOGIN = 'sa'", 'changes the security context'],
    ['procedure-without-exec', "sp_configure 'xp_cmdshell', 1", 'a procedure name first runs it'],
    ['begin-tran', 'BEGIN TRAN DELETE FROM t ROLLBACK', 'transaction control'],
    ['use', 'USE master', 'changes the database'],
    ['shutdown', 'SHUTDOWN WITH NOWAIT', 'stops the server'],
    ['output-clause', 'DELETE TOP (1) FROM t OUTPUT deleted.id', 'DML with OUTPUT'],
    ['receive-after-select', 'SELECT 1 RECEIVE TOP (1) * FROM q', 'removes a queue message'],
    ['merge', 'MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;', 'DML'],
  ],
};

export const HOSTILE_WAREHOUSES: HostileCase[] = Object.entries(CASES).flatMap(([dialect, cases]) =>
  cases.map(([id, sql, why]) => ({ id: `${dialect}-${id}`, sql, dialects: [dialect as DialectName], why })),
);
