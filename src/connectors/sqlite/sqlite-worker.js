// One SQLite read-only handle in a child process, driven over IPC by sqlite-process-pool.ts.
//
// Plain ESM JavaScript on purpose: the same file runs from src/ under vitest and from dist/ after tsc
// (allowJs copies it), with no TypeScript loader in the child. It imports only node built-ins and
// better-sqlite3.
//
// It is a process, not a worker thread: better-sqlite3 runs a statement synchronously inside one native
// sqlite3_step call, and Worker.terminate() cannot stop native code, so a heavy aggregate would keep
// burning a core after its timeout. Killing the process stops it at once.
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

const path = process.argv[2];
let database;

// A parent killed by a signal runs no exit hook, and 'disconnect' cannot fire while this thread is
// inside sqlite3_step. A watchdog thread notices that the parent is gone (this process was re-parented)
// and kills the process, native call and all.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  let gone = process.ppid !== workerData.parent;
  try {
    process.kill(workerData.parent, 0);
  } catch (error) {
    if (error.code === 'ESRCH') gone = true;
  }
  if (gone) process.kill(process.pid, 'SIGKILL');
}, 250);`;
new Worker(WATCHDOG, { eval: true, workerData: { parent: process.ppid } }).unref();

// PRAGMAs that only read, handed over by the parent from the read-only gate's SQLite rules (one
// list for both layers): `{name: 'bare' | 'with-argument'}`. Every other PRAGMA, and any PRAGMA with a
// value (`= x`, or `(x)` where the form sets), can change the connection or the file
// (locking_mode = EXCLUSIVE blocks every writer). Without the list, every PRAGMA is refused.
// @see https://www.sqlite.org/pragma.html
const PRAGMA_SHAPES = JSON.parse(process.argv[3] ?? '{}');
const READ_PRAGMAS = new Set(Object.keys(PRAGMA_SHAPES));
const READ_PRAGMAS_WITH_ARGUMENT = new Set(
  Object.keys(PRAGMA_SHAPES).filter((name) => PRAGMA_SHAPES[name] === 'with-argument'),
);

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
  const pragma = refusedPragma(job.sql);
  if (pragma) return { notReader: true, reason: pragma, columns: [], rows: [], truncated: false };
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

/** Why a PRAGMA statement is refused, or null when `sql` is no PRAGMA or a read-only one. */
function refusedPragma(sql) {
  const text = withoutLeadingComments(sql);
  const match = /^pragma\b\s*(.*)$/is.exec(text);
  if (!match) return null;
  const rest = match[1].trim().replace(/;\s*$/, '');
  // [schema.]name, each part bare or quoted with "", [], or ``.
  const part = String.raw`(?:"(?:[^"]|"")*"|\[[^\]]*\]|\x60(?:[^\x60]|\x60\x60)*\x60|[A-Za-z_][A-Za-z0-9_$]*)`;
  const name = new RegExp(String.raw`^(?:${part}\s*\.\s*)?(${part})\s*(.*)$`, 's').exec(rest);
  const pragma = name ? unquote(name[1]).toLowerCase() : '';
  const tail = name ? name[2].trim() : rest;
  if (!READ_PRAGMAS.has(pragma))
    return `PRAGMA ${pragma || rest || ''} is not a read-only PRAGMA`.replace('  ', ' ');
  if (tail.startsWith('=')) return `PRAGMA ${pragma} with a value sets it`;
  if (tail !== '' && !(READ_PRAGMAS_WITH_ARGUMENT.has(pragma) && /^\(.*\)$/s.test(tail)))
    return `PRAGMA ${pragma} takes no argument here`;
  return null;
}

function withoutLeadingComments(sql) {
  let text = sql;
  for (;;) {
    const trimmed = text.replace(/^\s+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      text = end < 0 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      text = end < 0 ? '' : trimmed.slice(end + 2);
    } else return trimmed;
  }
}

function unquote(name) {
  const first = name[0];
  if (first === '"') return name.slice(1, -1).replaceAll('""', '"');
  if (first === '`') return name.slice(1, -1).replaceAll('``', '`');
  if (first === '[') return name.slice(1, -1);
  return name;
}
