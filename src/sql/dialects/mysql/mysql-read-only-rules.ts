import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * `SELECT … INTO OUTFILE|DUMPFILE|@var` is caught by `INTO`; `DESCRIBE`/`DESC`/`EXPLAIN` of a
 * statement are plans, and `EXPLAIN ANALYZE` is caught by `ANALYZE`.
 * @see https://dev.mysql.com/doc/refman/8.4/en/locking-functions.html
 */
export const mysqlReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
    VALUES: 'query',
    TABLE: 'query',
    EXPLAIN: 'query',
    DESCRIBE: 'query',
    DESC: 'query',
    SHOW: 'metadata',
  },
  forbiddenWords: WRITE_VERBS,
  lockingClauses: [
    ['FOR', 'SHARE'],
    ['LOCK', 'IN', 'SHARE', 'MODE'],
  ],
  // MariaDB's sequence syntax advances the sequence like NEXTVAL(s).
  forbiddenPhrases: [['NEXT', 'VALUE', 'FOR']],
  forbiddenOperators: {},
  forbiddenFunctions: [
    'benchmark',
    'get_lock',
    'release_lock',
    'release_all_locks',
    'load_file',
    'master_pos_wait',
    'source_pos_wait',
    'master_gtid_wait',
    'wait_for_executed_gtid_set',
    'wait_until_sql_thread_after_gtids',
    // MariaDB sequences advance on read
    'nextval',
    'setval',
    // widespread command-execution UDFs
    'sys_exec',
    'sys_eval',
  ],
  sleepFunctions: ['sleep'],
  pragmas: {},
  fileTables: null,
};
