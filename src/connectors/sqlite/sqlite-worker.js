// One SQLite read-only handle in a child process, driven over IPC by sqlite-process-pool.ts.
//
// Plain ESM JavaScript on purpose: the same file runs from src/ under vitest and from dist/ after tsc
// (allowJs copies it), with no TypeScript loader in the child. It imports only better-sqlite3.
//
// It is a process, not a worker thread: better-sqlite3 runs a statement synchronously inside one native
// sqlite3_step call, and Worker.terminate() cannot stop native code, so a heavy aggregate would keep
// burning a core after its timeout. Killing the process stops it at once.
import Database from 'better-sqlite3';

const path = process.argv[2];
let database;

/** Messages: {id, sql, params, maxRows|null} → {id, ok, columns, rows, truncated} | {id, ok: false, …}. */
process.on('message', (job) => {
  let stage = 'open';
  try {
    // readonly: the file handle itself refuses writes; fileMustExist: never create an empty database.
    // @see https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#new-databasepath-options
    database ??= new Database(path, { readonly: true, fileMustExist: true, timeout: 1000 });
    stage = 'query';
    process.send({ id: job.id, ok: true, ...run(job) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.send({ id: job.id, ok: false, stage, message, code: error?.code ?? null });
  }
});

// The parent went away: nothing is left to answer to.
process.on('disconnect', () => process.exit(0));

function run(job) {
  const statement = database.prepare(job.sql);
  if (!statement.reader) {
    // A statement that returns no rows is not a query; the parent reports it as a read-only refusal.
    return { notReader: true, columns: [], rows: [], truncated: false };
  }
  // raw: rows as arrays (duplicate column names survive); safeIntegers: INTEGER as bigint, never rounded.
  statement.raw(true).safeIntegers(true);
  const columns = statement.columns().map((column) => ({ name: column.name, declaredType: column.type }));
  const rows = [];
  let truncated = false;
  for (const row of statement.iterate(...(job.params ?? []))) {
    if (job.maxRows !== null && rows.length >= job.maxRows) {
      truncated = true;
      break; // leaving the loop resets the statement: SQLite stops producing rows here
    }
    rows.push(row);
  }
  return { columns, rows, truncated };
}
