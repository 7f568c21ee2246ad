import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * A BigQuery job may hold a whole script, so everything but a query is refused: DML, DDL, EXPORT
 * DATA, LOAD DATA, CALL, EXECUTE IMMEDIATE, DECLARE/SET and BEGIN…END blocks, and ASSERT (it only
 * reads, but it is a scripting statement that returns no rows). `CREATE TEMP FUNCTION …; SELECT` is
 * two statements. EXTERNAL_QUERY runs SQL given as a string on another database.
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/procedural-language
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/federated_query_functions
 */
export const bigqueryReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
  },
  // Pipe syntax (`|> …`) continues a query; its CALL operator and any EXPORT are refused as words.
  forbiddenWords: [...WRITE_VERBS, 'EXPORT', 'CALL', 'EXECUTE', 'DECLARE'],
  lockingClauses: [],
  forbiddenPhrases: [],
  forbiddenOperators: {},
  forbiddenFunctions: ['external_query'],
  sleepFunctions: [],
  pragmas: {},
  fileTables: null,
};
