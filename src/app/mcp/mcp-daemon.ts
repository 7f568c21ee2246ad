import { KtxError } from '../../core/index.js';
import {
  type DaemonState,
  type DaemonStatus,
  DEFAULT_MCP_HOST,
  DEFAULT_MCP_PORT,
  daemonLogTail,
  daemonStatus,
  isLoopbackHost,
  spawnDaemon,
  stopDaemon,
} from '../../mcp/index.js';
import { openProject, type ProjectLocation } from '../open-project.js';
import { resolveMcpToken } from './mcp-token.js';

export interface StartDaemonInput {
  location: ProjectLocation;
  host?: string;
  port?: number;
  token?: string;
  allowedHosts?: readonly string[];
  allowedOrigins?: readonly string[];
  callTimeoutMs?: number;
}

export interface StartDaemonResult {
  state: DaemonState;
  /** True when a daemon with the same address was already running (nothing was started). */
  alreadyRunning: boolean;
}

/**
 * `ktx mcp start`: checks what can be checked here (project, token, a running daemon), then runs
 * `ktx mcp start --foreground` detached and waits until it answers `/health`.
 */
export async function startMcpDaemon(input: StartDaemonInput): Promise<StartDaemonResult> {
  const project = openProject(input.location);
  const env = input.location.env ?? process.env;
  // Flags win over the project's `mcp:` block; the foreground child reads the block too.
  const settings = project.config.mcp ?? {};
  const host = input.host ?? settings.host ?? DEFAULT_MCP_HOST;
  const port = input.port ?? settings.port ?? DEFAULT_MCP_PORT;
  const token = resolveMcpToken(input.token ?? settings.token, project.dir, env);
  if (!isLoopbackHost(host) && !token.token) {
    throw new KtxError(
      'mcp_token_required',
      `Listening on ${host} would expose the MCP server beyond this machine without a token.`,
      {
        fix: 'Pass --token env:NAME (or file:PATH, or set KTX_MCP_TOKEN), or bind 127.0.0.1.',
      },
    );
  }
  const status = await daemonStatus(project.layout);
  if (status.running && status.state) {
    if (status.state.host === host && (input.port === undefined || status.state.port === port)) {
      return { state: status.state, alreadyRunning: true };
    }
    throw new KtxError(
      'mcp_daemon_running',
      `An MCP daemon already serves this project at ${status.state.url}.`,
      {
        fix: 'Stop it with `ktx mcp stop` first, or keep using it.',
      },
    );
  }
  const args = [
    '--project-dir',
    project.dir,
    'mcp',
    'start',
    '--foreground',
    '--host',
    host,
    '--port',
    String(port),
  ];
  if (input.token) args.push('--token', input.token);
  for (const name of input.allowedHosts ?? []) args.push('--allowed-host', name);
  for (const origin of input.allowedOrigins ?? []) args.push('--allowed-origin', origin);
  if (input.callTimeoutMs) args.push('--call-timeout-ms', String(input.callTimeoutMs));
  const state = await spawnDaemon({ layout: project.layout, args, env });
  return { state, alreadyRunning: false };
}

export async function stopMcpDaemon(location: ProjectLocation): Promise<DaemonState> {
  return stopDaemon(openProject(location).layout);
}

export async function mcpDaemonStatus(location: ProjectLocation): Promise<DaemonStatus> {
  return daemonStatus(openProject(location).layout);
}

export function mcpDaemonLogs(location: ProjectLocation, lines?: number): { file: string; text: string } {
  return daemonLogTail(openProject(location).layout, lines);
}
