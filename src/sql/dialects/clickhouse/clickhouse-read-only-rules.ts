import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * EXPLAIN (AST, SYNTAX, QUERY TREE, PLAN, PIPELINE, ESTIMATE) plans without running the query.
 * Any SETTINGS clause is refused rather than judged setting by setting, and `PARALLEL WITH` runs
 * any statement next to the query. `SYSTEM` stays an ordinary word because `system.tables` is how
 * ClickHouse is introspected; `SYSTEM …` statements are refused as verbs, and `\G`, which ends a
 * query like `;`, is refused as an operator. `system.settings` must be written
 * `` system.`settings` `` to pass. Table functions that reach files, URLs, object stores, other
 * servers or scripts are refused; `merge(…)` is refused with the MERGE verb.
 * @see https://clickhouse.com/docs/sql-reference/statements/explain
 * @see https://clickhouse.com/docs/sql-reference/statements/parallel_with
 * @see https://clickhouse.com/docs/sql-reference/table-functions
 */
export const clickhouseReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
    EXPLAIN: 'query',
    DESCRIBE: 'query',
    DESC: 'query',
    EXISTS: 'query',
    SHOW: 'metadata',
  },
  forbiddenWords: [
    ...WRITE_VERBS,
    'SETTINGS',
    'OPTIMIZE',
    'KILL',
    'RENAME',
    'EXCHANGE',
    'UNDROP',
    'BACKUP',
    'RESTORE',
  ],
  lockingClauses: [],
  forbiddenPhrases: [['PARALLEL', 'WITH']],
  forbiddenOperators: { '\\': 'ends the query (`\\G`) so another can follow, or is not SQL' },
  forbiddenFunctions: [
    // files, URLs and object stores
    'file',
    'filecluster',
    'url',
    'urlcluster',
    's3*',
    'gcs*',
    'oss',
    'cosn',
    'hdfs*',
    'azureblobstorage*',
    'deltalake*',
    'iceberg*',
    'hudi*',
    'paimon*',
    'hive',
    // other servers, databases and clusters
    'remote*',
    'cluster*',
    'mysql',
    'postgresql',
    'jdbc',
    'odbc',
    'redis',
    'mongodb',
    'sqlite',
    'arrowflight',
    'ytsaurus',
    // data sent with an INSERT, scripts on the server, models loaded from files, KQL given as text
    'input',
    'executable*',
    'catboostevaluate',
    'kql',
    // sleeps per row, beyond what one literal bound can check
    'sleepeachrow',
  ],
  sleepFunctions: ['sleep'],
  pragmas: {},
  fileTables: null,
};
