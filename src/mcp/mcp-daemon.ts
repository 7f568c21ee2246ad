import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KtxError } from '../core/index.js';
import type { ProjectLayout } from '../project/index.js';
import {
  clearDaemonState,
  type DaemonState,
  daemonLogFile,
  probeHealth,
  processAlive,
  readDaemonState,
} from './daemon-state.js';

/** The launcher the daemon runs (`bin/ktx.js`), two folders up from both `src/mcp` and `dist/mcp`. */
export const KTX_BIN = fileURLToPath(new URL('../../bin/ktx.js', import.meta.url));

export interface DaemonStatus {
  running: boolean;
  state?: DaemonState;
  /** The `/health` answer when it is running. */
  health?: Record<string, unknown>;
  /** Set when a state file names a dead process (it is removed). */
  stale?: boolean;
}

/** Whether this project's daemon runs and answers; a state file of a dead process is cleared. */
export async function daemonStatus(layout: ProjectLayout): Promise<DaemonStatus> {
  const state = readDaemonState(layout);
  if (!state) return { running: false };
  if (!processAlive(state.pid)) {
    clearDaemonState(layout, state.pid);
    return { running: false, stale: true };
  }
  const health = await probeHealth(state);
  return health ? { running: true, state, health } : { running: false, state };
}

export interface SpawnDaemonInput {
  layout: ProjectLayout;
  /** Arguments after `bin/ktx.js` that run the server in the foreground. */
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the child to write its state and answer /health. */
  readyTimeoutMs?: number;
}

/**
 * Starts the foreground server as a detached child whose stdout and stderr go to
 * `.ktx/logs/mcp.log`, and waits until it has written `.ktx/run/mcp.json` and answers `/health`.
 * If it exits first, the log's last lines say why.
 */
export async function spawnDaemon(input: SpawnDaemonInput): Promise<DaemonState> {
  const logFile = daemonLogFile(input.layout);
  mkdirSync(dirname(logFile), { recursive: true });
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const fd = openSync(logFile, 'a');
  let exited: number | null | undefined;
  const child = spawn(process.execPath, [KTX_BIN, ...input.args], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: input.env ?? process.env,
    cwd: input.layout.root,
  });
  closeSync(fd);
  child.once('exit', (code) => {
    exited = code;
  });
  child.unref();
  const deadline = Date.now() + (input.readyTimeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) break;
    const state = readDaemonState(input.layout);
    if (state && state.pid === child.pid && (await probeHealth(state, 500))) return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (exited === undefined && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
  const tail = readFileSync(logFile, 'utf8').slice(logStart).trim().split('\n').slice(-3).join(' | ');
  throw new KtxError(
    'mcp_daemon_failed',
    `The MCP daemon ${exited !== undefined ? `exited (code ${exited})` : 'did not become healthy'}${tail ? `: ${tail}` : ''}.`,
    { fix: `Read ${logFile}, or run \`ktx mcp start --foreground\` to see the error.` },
  );
}

/** Sends SIGTERM and waits for the process to go (SIGKILL after `timeoutMs`). */
export async function stopDaemon(layout: ProjectLayout, timeoutMs = 5000): Promise<DaemonState> {
  const state = readDaemonState(layout);
  if (!state || !processAlive(state.pid)) {
    if (state) clearDaemonState(layout, state.pid);
    throw new KtxError('mcp_daemon_not_running', 'No MCP daemon is running for this project.', {
      fix: 'Start one with `ktx mcp start`.',
    });
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(state.pid) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (processAlive(state.pid)) process.kill(state.pid, 'SIGKILL');
  clearDaemonState(layout, state.pid);
  return state;
}

/** The last `lines` lines of the daemon log (empty when there is none). */
export function daemonLogTail(layout: ProjectLayout, lines = 50): { file: string; text: string } {
  const file = daemonLogFile(layout);
  if (!existsSync(file)) return { file, text: '' };
  const all = readFileSync(file, 'utf8').split('\n');
  if (all.at(-1) === '') all.pop();
  return { file, text: all.slice(-lines).join('\n') };
}
