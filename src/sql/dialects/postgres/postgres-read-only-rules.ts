import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * @see https://www.postgresql.org/docs/current/functions-admin.html for the server-signalling,
 * backup, replication, file-access and advisory-lock functions refused here.
 */
export const postgresReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
    VALUES: 'query',
    TABLE: 'query',
    EXPLAIN: 'query',
    SHOW: 'metadata',
  },
  forbiddenWords: WRITE_VERBS,
  lockingClauses: [
    ['FOR', 'SHARE'],
    ['FOR', 'KEY', 'SHARE'],
  ],
  forbiddenPhrases: [],
  forbiddenOperators: {},
  forbiddenFunctions: [
    // signal or reconfigure the server
    'pg_terminate_backend',
    'pg_cancel_backend',
    'pg_reload_conf',
    'pg_rotate_logfile*',
    'pg_promote',
    'pg_log_backend_memory_contexts',
    'pg_stat_*reset*',
    // read or write server files
    'pg_read_file',
    'pg_read_binary_file',
    'pg_ls_*',
    'pg_stat_file',
    'pg_file_*',
    'lo_*',
    // reach other servers or run SQL given as a string, which the gate cannot see
    'dblink*',
    'pg_background*',
    'query_to_xml*',
    'cursor_to_xml*',
    'crosstab*',
    // tablefunc's connectby runs the SQL of its first argument, which the gate never sees.
    'connectby*',
    // index maintenance that writes pages even inside a READ ONLY transaction
    'gin_clean_pending_list',
    'brin_summarize_*',
    'brin_desummarize_range',
    'ts_stat',
    'ts_rewrite',
    // change session or sequence state, take locks, notify, assign transaction ids
    'set_config',
    'nextval',
    'setval',
    'pg_advisory_*lock*',
    'pg_try_advisory_*',
    'pg_notify',
    'txid_current',
    'pg_current_xact_id',
    'pg_sleep_until',
    // WAL, backups and replication
    'pg_switch_wal',
    'pg_create_restore_point',
    'pg_*backup*',
    'pg_wal_replay_*',
    '*replication_slot*',
    'pg_logical_slot_*',
    'pg_replication_origin_*',
    'pg_logical_emit_message',
  ],
  sleepFunctions: ['pg_sleep', 'pg_sleep_for'],
  pragmas: {},
  fileTables: null,
};
