import { WRITE_VERBS } from '../../read-only/write-verbs.js';
import type { ReadOnlyRules } from '../../read-only-rules.js';

/**
 * T-SQL needs no `;` between statements, so `SELECT 1 EXEC xp_cmdshell 'dir'` is two statements to
 * the server. The first-word check cannot see the second one, so every verb that starts a statement
 * other than a query is refused anywhere; most are reserved keywords, which no unquoted name can be.
 * `GO` is a client-side batch separator that a server reads as a name, refused all the same.
 * `SELECT … INTO`, `OUTPUT`, `WAITFOR`, lock hints that block writers and `NEXT VALUE FOR` (a
 * sequence advance) are refused; `FOR XML`, `FOR JSON`, `NOLOCK` and `OPENXML` (which reads a
 * document prepared by a procedure call the gate refuses) pass.
 * @see https://learn.microsoft.com/en-us/sql/t-sql/language-elements/reserved-keywords-transact-sql
 * @see https://learn.microsoft.com/en-us/sql/t-sql/language-elements/sql-server-utilities-statements-go
 * @see https://learn.microsoft.com/en-us/sql/t-sql/queries/hints-transact-sql-table
 */
export const tsqlReadOnlyRules: ReadOnlyRules = {
  statements: {
    SELECT: 'query',
    WITH: 'query',
  },
  forbiddenWords: [
    ...WRITE_VERBS,
    // running other code
    'EXEC',
    'EXECUTE',
    'CALL',
    'GO',
    // variables, session state and control of flow
    'DECLARE',
    'SET',
    'SETUSER',
    'REVERT',
    'USE',
    'IF',
    'WHILE',
    'GOTO',
    'RETURN',
    'BREAK',
    'CONTINUE',
    'PRINT',
    'RAISERROR',
    'THROW',
    'WAITFOR',
    // transactions
    'BEGIN',
    'COMMIT',
    'ROLLBACK',
    'SAVE',
    'TRAN',
    'TRANSACTION',
    // server administration, files and permissions
    'DBCC',
    'BULK',
    'BACKUP',
    'RESTORE',
    'DUMP',
    'LOAD',
    'KILL',
    'SHUTDOWN',
    'RECONFIGURE',
    'CHECKPOINT',
    'DENY',
    'RENAME',
    'ADD',
    'TRIGGER',
    'PROC',
    'PROCEDURE',
    // cursors, Service Broker queues and legacy text pointers
    'OPEN',
    'CLOSE',
    'DEALLOCATE',
    'CURSOR',
    'RECEIVE',
    'SEND',
    'CONVERSATION',
    'READTEXT',
    'WRITETEXT',
    'UPDATETEXT',
    // DML output rows
    'OUTPUT',
  ],
  lockingClauses: [
    ['TABLOCK'],
    ['TABLOCKX'],
    ['UPDLOCK'],
    ['XLOCK'],
    ['HOLDLOCK'],
    ['SERIALIZABLE'],
    ['REPEATABLEREAD'],
  ],
  forbiddenPhrases: [['NEXT', 'VALUE', 'FOR']],
  forbiddenOperators: {},
  forbiddenFunctions: [
    // other servers and server files
    'openrowset',
    'openquery',
    'opendatasource',
    'fn_get_audit_file',
    'fn_xe_file_target_read_file',
    'fn_trace_gettable',
    'fn_dump_dblog',
    // extended and system procedures, which only EXEC can run but never belong in a query
    'xp_*',
    'sp_*',
  ],
  sleepFunctions: [],
  pragmas: {},
  fileTables: null,
};
