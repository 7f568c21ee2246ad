import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * Snowflake runs one statement per call unless the client asks for more, but its flow operator
 * `->>` chains any statement (INSERT, CREATE…) onto a query, so it is refused like a second
 * statement. EXPLAIN compiles without executing (`USING TABULAR|JSON|TEXT` only picks the output).
 * LIST, GET, PUT, REMOVE and COPY are refused as verbs, and `@stage` references and the stage-file
 * functions with them: the gate reads tables, not files. Calling a stored procedure in FROM
 * (`TABLE(proc())`) looks like a table function and is left to the role's privileges.
 * @see https://docs.snowflake.com/en/sql-reference/operators-flow
 * @see https://docs.snowflake.com/en/sql-reference/sql/explain
 * @see https://docs.snowflake.com/en/sql-reference/functions-system (SYSTEM$… functions)
 * @see https://docs.snowflake.com/en/user-guide/querying-stage
 */
export const snowflakeReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
    EXPLAIN: 'query',
    DESCRIBE: 'query',
    DESC: 'query',
    SHOW: 'metadata',
  },
  forbiddenWords: [
    ...WRITE_VERBS,
    // `seq.NEXTVAL` advances a sequence; it is a bare word, not a call
    'NEXTVAL',
    // anonymous procedures (`WITH p AS PROCEDURE … CALL p()`) and scripting inside a statement
    'CALL',
    'PROCEDURE',
    'EXECUTE',
    'UNDROP',
    'COPY',
  ],
  lockingClauses: [],
  forbiddenPhrases: [],
  forbiddenOperators: {
    '@': 'names a stage, which reads files rather than tables',
    '->>': 'chains another statement onto this one',
  },
  forbiddenFunctions: [
    // SYSTEM$ABORT_SESSION, SYSTEM$CANCEL_QUERY, SYSTEM$WAIT… all of them, read-only ones included;
    // `*` also covers the `$` the registry's name check does not allow
    'system*',
    // stage files and URLs that hand them out
    'infer_schema',
    'get_presigned_url',
    'build_scoped_file_url',
    'build_stage_file_url',
    'get_stage_location',
    'get_absolute_path',
    'get_relative_path',
  ],
  sleepFunctions: [],
  pragmas: {},
  fileTables: null,
};
