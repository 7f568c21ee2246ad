import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * PRAGMAs that set a value also accept `PRAGMA name(value)`, so value PRAGMAs pass only bare.
 * @see https://www.sqlite.org/pragma.html
 */
export const sqliteReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
    VALUES: 'query',
    EXPLAIN: 'query',
    PRAGMA: 'pragma',
  },
  forbiddenWords: WRITE_VERBS,
  lockingClauses: [],
  forbiddenPhrases: [],
  forbiddenOperators: {},
  forbiddenFunctions: [
    'load_extension',
    // shell and extension functions that touch files or run SQL given as a string
    'eval',
    'readfile',
    'writefile',
    'edit',
    'fsdir',
    'zipfile',
    // registers a tokenizer from a raw pointer, a known memory-corruption path
    'fts3_tokenizer',
  ],
  sleepFunctions: [],
  pragmas: {
    application_id: 'bare',
    collation_list: 'bare',
    compile_options: 'bare',
    data_version: 'bare',
    database_list: 'bare',
    encoding: 'bare',
    foreign_keys: 'bare',
    freelist_count: 'bare',
    function_list: 'bare',
    journal_mode: 'bare',
    module_list: 'bare',
    page_count: 'bare',
    page_size: 'bare',
    pragma_list: 'bare',
    schema_version: 'bare',
    table_list: 'bare',
    user_version: 'bare',
    foreign_key_list: 'with-argument',
    index_info: 'with-argument',
    index_list: 'with-argument',
    index_xinfo: 'with-argument',
    table_info: 'with-argument',
    table_xinfo: 'with-argument',
  },
  fileTables: null,
};
