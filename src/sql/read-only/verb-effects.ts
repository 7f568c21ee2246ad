/**
 * What a refused verb would do, for one-clause refusal reasons ("DELETE modifies data").
 * Words not listed here get a generic reason; this table never decides what is refused.
 */
const EFFECTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'modifies data': ['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE', 'UPSERT', 'TRUNCATE'],
    'changes the schema': ['CREATE', 'ALTER', 'DROP', 'RENAME', 'COMMENT', 'UNDROP', 'EXCHANGE'],
    'changes privileges': ['GRANT', 'REVOKE', 'REASSIGN'],
    'controls transactions': [
      'BEGIN',
      'START',
      'COMMIT',
      'END',
      'ROLLBACK',
      'SAVEPOINT',
      'RELEASE',
      'ABORT',
      'XA',
      'TRAN',
      'TRANSACTION',
      'SAVE',
    ],
    'prepares or runs other statements': ['PREPARE', 'EXECUTE', 'EXEC', 'DEALLOCATE'],
    'changes session state': ['SET', 'RESET', 'USE', 'DISCARD', 'UNSET', 'SETUSER', 'REVERT'],
    'changes settings for the query': ['SETTINGS'],
    'advances a sequence': ['NEXTVAL'],
    'separates batches, so another statement can follow': ['GO'],
    'waits before running on': ['WAITFOR'],
    'moves data between the database and files': ['COPY', 'IMPORT', 'EXPORT', 'UNLOAD', 'BULK'],
    'reads or writes stage files': ['PUT', 'GET', 'REMOVE', 'LIST'],
    'loads files or extensions': ['LOAD', 'INSTALL', 'UNINSTALL', 'FORCE'],
    'runs procedural code': ['CALL', 'DO', 'HANDLER', 'PROCEDURE', 'PROC'],
    'runs server administration': ['SYSTEM', 'DBCC', 'RECONFIGURE', 'BACKUP', 'RESTORE'],
    'takes or releases locks': ['LOCK', 'UNLOCK'],
    'runs maintenance that writes': [
      'VACUUM',
      'REINDEX',
      'CLUSTER',
      'CHECKPOINT',
      'OPTIMIZE',
      'REPAIR',
      'REFRESH',
      'FLUSH',
      'PURGE',
      'KILL',
      'SHUTDOWN',
    ],
    'executes the statement or rewrites statistics': ['ANALYZE', 'ANALYSE'],
    'attaches or detaches databases': ['ATTACH', 'DETACH'],
    'uses server notifications': ['LISTEN', 'UNLISTEN', 'NOTIFY'],
    'uses cursors': ['DECLARE', 'FETCH', 'MOVE', 'CLOSE', 'OPEN'],
    'writes the result into a table, file or variable': ['INTO'],
  }).flatMap(([effect, verbs]) => verbs.map((verb) => [verb, effect] as const)),
);

/** The effect phrase for an upper-case verb, or `undefined` when the table does not know it. */
export function verbEffect(verb: string): string | undefined {
  return EFFECTS.get(verb);
}
