import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDialect } from '../../sql/index.js';
import type { StatementControl } from '../shared/statement-control.js';
import { SqliteProcessPool } from './sqlite-process-pool.js';

const WORKER = fileURLToPath(new URL('./sqlite-worker.js', import.meta.url));

/** A control whose stop the test fires itself. */
function manualControl(): StatementControl & { stop(): void } {
  const stops: Array<() => unknown> = [];
  let stopped = false;
  return {
    get stopReason() {
      return stopped ? ('timeout' as const) : undefined;
    },
    onStop: (stop) => void stops.push(stop),
    throwIfStopped: () => {},
    stop() {
      stopped = true;
      for (const each of stops) each();
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('SqliteProcessPool', () => {
  let dir = '';
  let path = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ktx-sqlite-pool-'));
    path = join(dir, 'db.sqlite');
    const writer = new Database(path);
    writer.exec('CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)');
    writer.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never hands the next job to a child killed after its reply was already sent', async () => {
    const pool = new SqliteProcessPool(path, 1, getDialect('sqlite').readOnly.pragmas);
    try {
      await pool.run({ sql: 'SELECT 1', maxRows: 1 }, manualControl()); // the child is up and open
      for (let round = 0; round < 3; round += 1) {
        const control = manualControl();
        const first = pool.run({ sql: 'SELECT 1', maxRows: 1 }, control).catch((e: unknown) => e);
        // Block the event loop until the child's reply is surely buffered, then stop the statement
        // and queue the next job before the parent has read that reply.
        const until = Date.now() + 300;
        while (Date.now() < until) {
          /* busy wait */
        }
        control.stop();
        const second = pool.run({ sql: 'SELECT 42', maxRows: 1 }, manualControl());
        await first;
        expect((await second).rows).toEqual([[42n]]);
      }
    } finally {
      await pool.close();
    }
  });

  it('a worker whose parent is killed by a signal kills itself, even inside a native call', async () => {
    // A parent that forks the worker, starts an endless statement and prints the worker's pid.
    const parent = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { fork } from 'node:child_process';
         const child = fork(${JSON.stringify(WORKER)}, [${JSON.stringify(path)}], { serialization: 'advanced', execArgv: [] });
         child.send({ id: 1, maxRows: 1, sql: 'WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r' });
         setTimeout(() => console.log(child.pid), 300);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    expect(alive(pid)).toBe(true);
    parent.kill('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const survived = alive(pid);
    if (survived) process.kill(pid, 'SIGKILL');
    expect(survived, 'the worker outlived its parent').toBe(false);
  });
});
