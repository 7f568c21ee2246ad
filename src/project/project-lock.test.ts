import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKtxError } from '../core/index.js';
import { acquireProjectLock } from './project-lock.js';

describe('acquireProjectLock', () => {
  it('refuses a second holder while the first is alive, naming its pid', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ktx-lock-')), 'run', 'lock');
    // A live foreign process holds the lock.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    mkdirSync(join(path, '..'), { recursive: true });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      writeFileSync(
        path,
        JSON.stringify({ pid: child.pid, host: hostname(), command: 'setup', startedAt: 'now' }),
      );
      let thrown: unknown;
      try {
        acquireProjectLock(path, 'sql');
      } catch (error) {
        thrown = error;
      }
      expect(isKtxError(thrown, 'project_locked')).toBe(true);
      expect((thrown as Error).message).toContain(`pid ${child.pid}`);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a dead process and releases it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ktx-lock-')), 'lock');
    writeFileSync(
      path,
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), command: 'setup', startedAt: 'then' }),
    );
    const lock = acquireProjectLock(path, 'setup');
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });
});
