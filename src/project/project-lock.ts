import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { KtxError } from '../core/index.js';

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export interface ProjectLock {
  release(): void;
}

/**
 * Takes the project's mutation lock (`.ktx/run/lock`, created with O_EXCL). A lock left by a dead
 * process on this host is taken over; a live owner makes this throw `project_locked` naming its pid.
 */
export function acquireProjectLock(path: string, command: string): ProjectLock {
  mkdirSync(dirname(path), { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(path);
      // An unreadable lock younger than a few seconds is another process between create and write.
      if (!current && Date.now() - mtimeMs(path) < 5000) {
        throw new KtxError('project_locked', 'Another ktx is starting on this project.', {
          fix: `Retry in a moment; if it persists, delete ${path}.`,
        });
      }
      if (current && (current.host !== owner.host || isAlive(current.pid))) {
        throw new KtxError(
          'project_locked',
          `Another ktx is running on this project (pid ${current.pid}, \`ktx ${current.command}\`, since ${current.startedAt}).`,
          {
            fix: `Wait for it to finish; if pid ${current.pid} is not ktx, delete ${path}.`,
            data: { pid: current.pid },
          },
        );
      }
      // Stale (owner gone, or a half-written lock): move it aside atomically so only one process wins.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        rmSync(`${path}.stale-${process.pid}`, { force: true });
      } catch {
        // Another process took it over first; loop and look again.
      }
    }
  }
  throw new KtxError('project_locked', `Could not take the project lock at ${path}.`, {
    fix: `Retry; if it persists, delete ${path}.`,
  });
}
