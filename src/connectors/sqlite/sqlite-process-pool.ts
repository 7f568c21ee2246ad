import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StatementControl } from '../shared/statement-control.js';

export type SqliteParam = string | number | bigint | null;
/** What better-sqlite3 hands back with `safeIntegers`: bigint for INTEGER, Uint8Array for BLOB. */
export type SqliteRawValue = bigint | number | string | Uint8Array | null;

export interface SqliteJob {
  sql: string;
  params?: readonly SqliteParam[];
  /** Stop after this many rows (one more is read to set `truncated`); null reads every row. */
  maxRows: number | null;
}

export interface SqliteJobResult {
  /** `declaredType` is the column's declared type, or null for an expression. */
  columns: Array<{ name: string; declaredType: string | null }>;
  rows: SqliteRawValue[][];
  truncated: boolean;
  /** SQLite reports that the statement returns no rows (`statement.reader` is false). */
  notReader?: boolean;
  /** Why the child refused the statement before running it (a PRAGMA that is not read-only). */
  reason?: string;
}

/** A failure reported by the child: `open` while opening the file, `query` while running SQL. */
export class SqliteJobError extends Error {
  constructor(
    readonly stage: 'open' | 'query' | 'process',
    message: string,
    readonly sqliteCode: string | null,
  ) {
    super(message);
  }
}

type Reply = { id: number; ok: true } & SqliteJobResult;
type Failure = { id: number; ok: false; stage: 'open' | 'query'; message: string; code: string | null };

interface Pending {
  id: number;
  job: SqliteJob;
  resolve(result: SqliteJobResult): void;
  reject(error: Error): void;
}

const WORKER = fileURLToPath(new URL('./sqlite-worker.js', import.meta.url));

// Children must not outlive the process that forked them, even when it exits without close().
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  liveChildren.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const each of liveChildren) each.kill('SIGKILL');
  });
}

/**
 * Up to `size` child processes, each holding one read-only handle on the same file, spawned on demand.
 * A stopped statement (timeout, abort) kills its child, which ends the native call at once; the next
 * job spawns a fresh one.
 */
export class SqliteProcessPool {
  readonly #path: string;
  readonly #size: number;
  readonly #pragmas: string;
  readonly #idle: ChildProcess[] = [];
  readonly #busy = new Map<ChildProcess, Pending>();
  /** Killed children not yet exited: a reply they already sent is dropped and they get no new job. */
  readonly #dying = new Set<ChildProcess>();
  readonly #queue: Pending[] = [];
  #children = 0;
  #nextId = 1;
  #closed = false;

  /** `pragmas`: the read-only PRAGMA allow-list the worker enforces (the gate's SQLite rules). */
  constructor(path: string, size: number, pragmas: Readonly<Record<string, 'bare' | 'with-argument'>>) {
    this.#path = path;
    this.#size = Math.max(1, size);
    this.#pragmas = JSON.stringify(pragmas);
  }

  run(job: SqliteJob, control: StatementControl): Promise<SqliteJobResult> {
    if (this.#closed) return Promise.reject(new SqliteJobError('process', 'the SQLite pool is closed', null));
    return new Promise((resolve, reject) => {
      const pending: Pending = { id: this.#nextId++, job, resolve, reject };
      this.#queue.push(pending);
      control.onStop(() => this.#cancel(pending));
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0))
      pending.reject(new SqliteJobError('process', 'closed', null));
    const children = [...this.#idle, ...this.#busy.keys(), ...this.#dying];
    await Promise.all(children.map((child) => kill(child)));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const child = this.#idle.pop() ?? (this.#children < this.#size ? this.#spawn() : undefined);
      if (!child) return;
      const pending = this.#queue.shift()!;
      this.#busy.set(child, pending);
      setReferenced(child, true);
      child.send({ id: pending.id, ...pending.job });
    }
  }

  #spawn(): ChildProcess {
    // execArgv: [] keeps test-runner loaders out of a child that runs plain JavaScript.
    const child = fork(WORKER, [this.#path, this.#pragmas], {
      serialization: 'advanced', // structured clone: bigint and Uint8Array cross intact
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#children += 1;
    track(child);
    child.on('message', (message: Reply | Failure) => this.#settle(child, message));
    child.once('exit', (code, signal) => this.#lost(child, `exited (${signal ?? code})`));
    child.on('error', (error) => this.#lost(child, error.message));
    return child;
  }

  #settle(child: ChildProcess, message: Reply | Failure): void {
    if (this.#dying.has(child)) return;
    const pending = this.#busy.get(child);
    if (!pending || pending.id !== message.id) return;
    this.#busy.delete(child);
    this.#idle.push(child);
    setReferenced(child, false);
    if (message.ok) pending.resolve(message);
    else pending.reject(new SqliteJobError(message.stage, message.message, message.code));
    this.#dispatch();
  }

  #lost(child: ChildProcess, why: string): void {
    if (!liveChildren.delete(child)) return;
    this.#children -= 1;
    this.#dying.delete(child);
    const at = this.#idle.indexOf(child);
    if (at >= 0) this.#idle.splice(at, 1);
    const pending = this.#busy.get(child);
    this.#busy.delete(child);
    pending?.reject(new SqliteJobError('process', `the SQLite worker process ${why}`, null));
    if (!this.#closed) this.#dispatch();
  }

  #cancel(pending: Pending): void {
    const queued = this.#queue.indexOf(pending);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      pending.reject(new SqliteJobError('process', 'stopped before it started', null));
      return;
    }
    for (const [child, running] of this.#busy) {
      if (running !== pending) continue;
      // Out of the pool before the kill: its reply may already be buffered, and #settle must not
      // return a dying child to #idle. It still counts towards the pool size until it has exited.
      this.#busy.delete(child);
      this.#dying.add(child);
      pending.reject(new SqliteJobError('process', 'the SQLite worker process was stopped', null));
      void kill(child);
      return;
    }
  }
}

/** An idle child must not keep the parent alive; a busy one must, or a pending query would be dropped. */
function setReferenced(child: ChildProcess, referenced: boolean): void {
  if (referenced) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // An idle child is unref'd; waiting for its exit must keep the parent alive, or a CLI process with
  // nothing else pending exits silently in the middle of close().
  setReferenced(child, true);
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
