import { existsSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { type ProjectLayout, writeFileAtomic } from '../project/index.js';

/** What a running daemon wrote about itself to `.ktx/run/mcp.json`. Never holds a secret. */
export interface DaemonState {
  pid: number;
  url: string;
  host: string;
  port: number;
  /** `none`, or the reference the token came from (`env:NAME`, `file:PATH`). */
  auth: string;
  projectDir: string;
  startedAt: string;
  logFile: string;
}

export function daemonStateFile(layout: ProjectLayout): string {
  return join(layout.run, 'mcp.json');
}

export function daemonLogFile(layout: ProjectLayout): string {
  return join(layout.logs, 'mcp.log');
}

export function readDaemonState(layout: ProjectLayout): DaemonState | undefined {
  const file = daemonStateFile(layout);
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as DaemonState;
    return typeof state.pid === 'number' && typeof state.url === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeDaemonState(layout: ProjectLayout, state: DaemonState): void {
  writeFileAtomic(daemonStateFile(layout), `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state file only if it still describes `pid` (a newer daemon may have replaced it). */
export function clearDaemonState(layout: ProjectLayout, pid: number): void {
  const state = readDaemonState(layout);
  if (!state || state.pid === pid) rmSync(daemonStateFile(layout), { force: true });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `GET /health` of a daemon, or undefined when nothing healthy answers within `timeoutMs`. Plain
 * `node:http` without keep-alive: a pooled fetch socket would hold a short CLI process open for seconds.
 */
export function probeHealth(
  state: Pick<DaemonState, 'url'>,
  timeoutMs = 1500,
): Promise<Record<string, unknown> | undefined> {
  const url = new URL(state.url.replace(/\/mcp$/, '/health'));
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        try {
          const parsed = JSON.parse(body) as Record<string, unknown>;
          resolve(response.statusCode === 200 && parsed.status === 'ok' ? parsed : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}
