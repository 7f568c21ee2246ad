import { ALLOWED_WAREHOUSES } from './allowed-warehouses.js';
import type { AllowedCase } from './corpus-case.js';
import { EVERY_DIALECT } from './corpus-case.js';

export type { AllowedCase } from './corpus-case.js';

/**
 * Real read queries the gate must accept, including ones that look dangerous to a naive check:
 * write verbs inside strings, quoted names and comments, `updated_at` columns, `replace()` calls.
 */
export const ALLOWED_CORPUS: AllowedCase[] = [
  {
    id: 'filter-order-limit',
    sql: 'SELECT id, status FROM orders WHERE amount > 10 ORDER BY id LIMIT 5',
    dialects: EVERY_DIALECT,
    why: 'the everyday query',
  },
  {
    id: 'verbs-in-string',
    sql: "SELECT 'DELETE FROM t; DROP TABLE t' AS note",
    dialects: EVERY_DIALECT,
    why: 'keywords inside a string are data',
  },
  {
    id: 'verbs-in-double-quoted-name',
    sql: 'SELECT "update" FROM (SELECT 1 AS "update") AS x',
    dialects: ['postgres', 'duckdb', 'sqlite'],
    why: 'a quoted name is never a keyword',
  },
  {
    id: 'verbs-in-backtick-name',
    sql: 'SELECT `update`, `delete` FROM (SELECT 1 AS `update`, 2 AS `delete`) AS x',
    dialects: ['mysql', 'sqlite'],
    why: 'a quoted name is never a keyword',
  },
  {
    id: 'verbs-in-line-comment',
    sql: 'SELECT 1 AS one -- ; DROP TABLE t',
    dialects: EVERY_DIALECT,
    why: 'a comment to the end of input',
  },
  {
    id: 'verbs-in-block-comment',
    sql: 'SELECT /* DELETE FROM t; */ 1 AS one',
    dialects: EVERY_DIALECT,
    why: 'a block comment',
  },
  {
    id: 'verbs-in-string-list',
    sql: "SELECT count(*) AS n FROM orders WHERE status IN ('insert', 'update', 'delete')",
    dialects: EVERY_DIALECT,
    why: 'status values that are verbs',
  },
  {
    id: 'timestamp-columns',
    sql: 'SELECT id, updated_at, created_at FROM orders WHERE updated_at > created_at',
    dialects: EVERY_DIALECT,
    why: 'updated_at and created_at are single words',
  },
  {
    id: 'replace-function',
    sql: "SELECT replace(status, 'open', 'pending') AS status FROM orders",
    dialects: EVERY_DIALECT,
    why: 'replace() is a string function, not REPLACE INTO',
  },
  {
    id: 'comment-and-set-as-names',
    sql: 'SELECT id AS comment, status AS "set" FROM orders',
    dialects: ['postgres', 'duckdb', 'sqlite'],
    why: 'COMMENT and SET are not refused inside a statement',
  },
  {
    id: 'case-end',
    sql: "SELECT CASE WHEN amount > 100 THEN 'big' ELSE 'small' END AS size FROM orders",
    dialects: EVERY_DIALECT,
    why: 'END closes a CASE; it is only a verb at the start',
  },
  {
    id: 'window-function',
    sql: 'SELECT id, sum(amount) OVER (PARTITION BY customer_id ORDER BY id) AS running FROM orders',
    dialects: EVERY_DIALECT,
    why: 'window functions',
  },
  {
    id: 'recursive-cte',
    sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n',
    dialects: EVERY_DIALECT,
    why: 'recursive CTE with a column list',
  },
  {
    id: 'cte-join-group',
    sql: 'WITH big AS (SELECT * FROM orders WHERE amount > 100) SELECT c.name, count(*) AS n FROM big JOIN customers AS c ON c.id = big.customer_id GROUP BY c.name HAVING count(*) > 1',
    dialects: EVERY_DIALECT,
    why: 'CTE, join, group, having',
  },
  {
    id: 'union-order',
    sql: 'SELECT id FROM orders UNION SELECT id FROM customers ORDER BY 1',
    dialects: EVERY_DIALECT,
    why: 'set operation',
  },
  {
    id: 'exists-subquery',
    sql: 'SELECT name FROM customers AS c WHERE EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = c.id)',
    dialects: EVERY_DIALECT,
    why: 'correlated subquery',
  },
  {
    id: 'parenthesised-union',
    sql: '(SELECT 1 AS a) UNION ALL (SELECT 2)',
    dialects: ['postgres', 'mysql', 'duckdb'],
    why: 'parenthesised selects',
  },
  {
    id: 'trailing-semicolon-and-comment',
    sql: 'SELECT 1 AS one; -- done',
    dialects: EVERY_DIALECT,
    why: 'a trailing ; and comment',
  },
  {
    id: 'empty-statements',
    sql: ';SELECT 1 AS one;;',
    dialects: ['postgres', 'duckdb', 'sqlite'],
    why: 'empty statements around the one statement are fine',
  },
  {
    id: 'doubled-quote-in-string',
    sql: "SELECT 'it''s; fine' AS s",
    dialects: EVERY_DIALECT,
    why: 'a doubled quote stays inside the string in every mode',
  },
  {
    id: 'unicode-text',
    sql: "SELECT 'naïve café — 日本語' AS s, 1 AS größe",
    // BigQuery and ClickHouse take only ASCII in unquoted names; the gate refuses the rest there.
    dialects: EVERY_DIALECT.filter((dialect) => dialect !== 'bigquery' && dialect !== 'clickhouse'),
    why: 'non-ASCII letters in strings and names',
  },
  {
    id: 'explain',
    sql: 'EXPLAIN SELECT * FROM orders WHERE id = 1',
    // BigQuery and SQL Server have no EXPLAIN statement.
    dialects: EVERY_DIALECT.filter((dialect) => dialect !== 'bigquery' && dialect !== 'tsql'),
    why: 'EXPLAIN without ANALYZE only plans',
  },
  {
    id: 'sqlite-explain-query-plan',
    sql: 'EXPLAIN QUERY PLAN SELECT * FROM orders WHERE id = 1',
    dialects: ['sqlite'],
    why: 'SQLite plan form',
  },
  {
    id: 'pg-explain-options',
    sql: 'EXPLAIN (FORMAT JSON, COSTS false) SELECT * FROM orders',
    dialects: ['postgres'],
    why: 'EXPLAIN options without ANALYZE',
  },
  {
    id: 'mysql-explain-format',
    sql: 'EXPLAIN FORMAT=JSON SELECT * FROM orders',
    dialects: ['mysql'],
    why: 'MySQL EXPLAIN option',
  },
  { id: 'pg-show', sql: 'SHOW search_path', dialects: ['postgres'], why: 'reads a setting' },
  {
    id: 'pg-table',
    sql: 'TABLE orders',
    dialects: ['postgres', 'duckdb'],
    why: 'TABLE t is SELECT * FROM t',
  },
  {
    id: 'values',
    sql: "VALUES (1, 'a'), (2, 'b')",
    dialects: ['postgres', 'duckdb', 'sqlite'],
    why: 'VALUES',
  },
  { id: 'mysql-show-tables', sql: 'SHOW TABLES', dialects: ['mysql', 'duckdb'], why: 'catalog read' },
  {
    id: 'mysql-show-create-table',
    sql: 'SHOW CREATE TABLE orders',
    dialects: ['mysql'],
    why: 'CREATE right after SHOW names what to show',
  },
  {
    id: 'mysql-show-columns',
    sql: "SHOW COLUMNS FROM orders LIKE 'upd%'",
    dialects: ['mysql'],
    why: 'catalog read',
  },
  { id: 'mysql-describe', sql: 'DESCRIBE orders', dialects: ['mysql', 'duckdb'], why: 'catalog read' },
  { id: 'mysql-desc', sql: 'DESC orders', dialects: ['mysql', 'duckdb'], why: 'catalog read' },
  {
    id: 'mysql-cast-character-set',
    sql: 'SELECT CAST(name AS CHAR CHARACTER SET utf8mb4) AS n, CONVERT(email USING utf8mb4) AS e FROM customers',
    dialects: ['mysql'],
    why: 'SET inside CHARACTER SET is not a SET statement',
  },
  {
    id: 'mysql-hash-comment',
    sql: 'SELECT 1 AS one # ; DELETE FROM t',
    dialects: ['mysql'],
    why: '# starts a comment in MySQL',
  },
  {
    id: 'mysql-double-minus',
    sql: 'SELECT 1 --1',
    dialects: ['mysql'],
    why: 'arithmetic in MySQL, a comment elsewhere; harmless both ways',
  },
  {
    id: 'mysql-system-variable',
    sql: 'SELECT @@version AS v, DATABASE() AS db',
    dialects: ['mysql'],
    why: 'reading variables',
  },
  {
    id: 'placeholder-question-mark',
    sql: 'SELECT * FROM orders WHERE id = ?',
    dialects: ['mysql', 'sqlite', 'duckdb'],
    why: 'bind parameters',
  },
  {
    id: 'pg-numbered-parameters',
    sql: 'SELECT * FROM orders WHERE id = $1 AND status = $2',
    dialects: ['postgres', 'duckdb'],
    why: '$1 is a parameter, not a dollar quote',
  },
  {
    id: 'json-arrow-operators',
    sql: "SELECT settings->>'plan' AS plan, settings->'limits' AS limits FROM customers",
    // Snowflake's `->>` chains statements and ClickHouse refuses `settings` as a word.
    dialects: ['sqlite', 'duckdb', 'postgres', 'mysql'],
    why: 'JSON operators (MySQL has them, MariaDB does not; the gate accepts them in both)',
  },
  {
    id: 'pg-casts',
    sql: "SELECT amount::numeric(10, 2) AS amount, created_at::date AS day, '7 days'::interval AS span FROM orders",
    dialects: ['postgres', 'duckdb'],
    why: ':: casts',
  },
  {
    id: 'pg-dollar-quoted-string',
    sql: "SELECT $$it's; DROP TABLE t$$ AS s, $tag$ $$ $tag$ AS t",
    dialects: ['postgres', 'duckdb'],
    why: 'dollar-quoted strings hold anything',
  },
  {
    id: 'pg-escape-string',
    sql: "SELECT E'it\\'s; DELETE FROM t' AS s",
    dialects: ['postgres', 'duckdb'],
    why: "in E'…' a backslash escapes the quote",
  },
  {
    id: 'pg-hash-operator',
    sql: 'SELECT 5 # 3 AS x',
    dialects: ['postgres'],
    why: '# is XOR, not a comment',
  },
  {
    id: 'pg-nested-comment',
    sql: 'SELECT 1 /* outer /* inner; DROP TABLE t */ still a comment */ AS one',
    dialects: ['postgres', 'duckdb'],
    why: 'nested comments',
  },
  {
    id: 'pg-date-arithmetic',
    sql: "SELECT date_trunc('month', created_at) AS month, count(*) FILTER (WHERE status = 'open') AS open FROM orders WHERE created_at > now() - interval '30 days' GROUP BY 1",
    dialects: ['postgres', 'duckdb'],
    why: 'date functions and FILTER',
  },
  {
    id: 'extract-from-string',
    sql: "SELECT extract(year FROM DATE '2024-03-01') AS y, trim(BOTH 'x' FROM 'xxaxx') AS t",
    dialects: ['postgres', 'mysql', 'duckdb'],
    why: 'FROM inside EXTRACT and TRIM is no table reference',
  },
  {
    id: 'sleep-within-timeout',
    sql: 'SELECT pg_sleep(0.1)',
    dialects: ['postgres'],
    why: 'a literal sleep shorter than the timeout',
  },
  {
    id: 'sqlite-pragma-table-info',
    sql: 'PRAGMA table_info(orders)',
    dialects: ['sqlite'],
    why: 'read PRAGMA',
  },
  {
    id: 'sqlite-pragma-qualified',
    sql: "PRAGMA main.index_list('orders')",
    dialects: ['sqlite'],
    why: 'schema-qualified read PRAGMA',
  },
  {
    id: 'sqlite-pragma-bare',
    sql: 'PRAGMA user_version',
    dialects: ['sqlite'],
    why: 'bare value PRAGMA reads',
  },
  {
    id: 'sqlite-pragma-function',
    sql: "SELECT name, type FROM pragma_table_info('orders')",
    dialects: ['sqlite'],
    why: 'table-valued PRAGMA functions only read',
  },
  {
    id: 'sqlite-bracket-name',
    sql: 'SELECT [status] FROM [orders]',
    dialects: ['sqlite'],
    why: '[name] quoting',
  },
  {
    id: 'duckdb-pragma-table-info',
    sql: "PRAGMA table_info('orders')",
    dialects: ['duckdb'],
    why: 'read PRAGMA',
  },
  { id: 'duckdb-summarize', sql: 'SUMMARIZE orders', dialects: ['duckdb'], why: 'profiles a table' },
  {
    id: 'duckdb-from-first',
    sql: 'FROM orders SELECT id, amount WHERE amount > 10',
    dialects: ['duckdb'],
    why: 'FROM-first syntax',
  },
  {
    id: 'duckdb-literals',
    sql: "SELECT [1, 2, 3] AS xs, {'a': 1, 'b': 'x.csv'} AS s, 'data.csv' AS file_name FROM orders, customers",
    dialects: ['duckdb'],
    why: 'strings in select lists and struct literals are not table references',
  },
  {
    id: 'duckdb-order-desc-list',
    sql: 'SELECT id FROM orders ORDER BY created_at DESC, id DESC',
    dialects: ['duckdb'],
    why: 'DESC in ORDER BY is not DESCRIBE',
  },
  {
    id: 'qualified-tables',
    sql: 'SELECT o.id FROM main.orders AS o JOIN main.customers AS c ON c.id = o.customer_id',
    dialects: ['duckdb', 'sqlite'],
    why: 'schema-qualified names are not file names',
  },
  ...ALLOWED_WAREHOUSES,
];
