import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import {
  clearDaemonState,
  daemonLogFile,
  type McpHttpHandle,
  serveMcpStdio,
  startMcpHttpServer,
  type ToolCallRecord,
  writeDaemonState,
} from '../../mcp/index.js';
import { ANALYST_TOOLS } from '../../tools/index.js';
import { openProject, type ProjectLocation } from '../open-project.js';
import { resolveMcpToken } from './mcp-token.js';
import { createProjectToolContext } from './project-tool-context.js';

export function ktxVersion(): string {
  return (
    JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
}

function logLine(write: (line: string) => void) {
  return (record: ToolCallRecord) =>
    write(
      `${new Date().toISOString()} tool=${record.tool} ok=${record.ok}${record.code ? ` code=${record.code}` : ''} ms=${record.durationMs.toFixed(1)}`,
    );
}

export interface ServeStdioInput {
  location: ProjectLocation;
  stdin?: Readable;
  stdout?: Writable;
  /** Diagnostics (never stdout, which carries the protocol). */
  log?: (line: string) => void;
  userId?: string;
  callTimeoutMs?: number;
}

/** `ktx mcp stdio`: serves until the client closes stdin. */
export async function serveStdio(input: ServeStdioInput): Promise<void> {
  const context = createProjectToolContext(
    input.location,
    input.userId !== undefined ? { userId: input.userId } : {},
  );
  try {
    await serveMcpStdio({
      tools: ANALYST_TOOLS,
      context,
      version: ktxVersion(),
      ...(input.callTimeoutMs ? { callTimeoutMs: input.callTimeoutMs } : {}),
      ...(input.log ? { onToolCall: logLine(input.log) } : {}),
      ...(input.stdin ? { stdin: input.stdin } : {}),
      ...(input.stdout ? { stdout: input.stdout } : {}),
    });
  } finally {
    await context.close();
  }
}

export interface ServeHttpInput {
  location: ProjectLocation;
  host?: string;
  port?: number;
  /** `env:NAME` or `file:PATH`; else KTX_MCP_TOKEN. */
  token?: string;
  allowedHosts?: readonly string[];
  allowedOrigins?: readonly string[];
  maxBodyBytes?: number;
  callTimeoutMs?: number;
  userId?: string;
  log?: (line: string) => void;
  /** Write `.ktx/run/mcp.json` so `ktx mcp status|stop` find this server (default true). */
  writeState?: boolean;
}

export interface ServeHttpHandle extends McpHttpHandle {
  auth: string;
  projectDir: string;
}

/** `ktx mcp start --foreground` (and the daemon's body): the HTTP server over one shared project load. */
export async function serveHttp(input: ServeHttpInput): Promise<ServeHttpHandle> {
  const env = input.location.env ?? process.env;
  const context = createProjectToolContext(
    input.location,
    input.userId !== undefined ? { userId: input.userId } : {},
  );
  const project = openProject({ ...input.location, projectDir: context.projectDir });
  let handle: McpHttpHandle;
  let auth: string;
  try {
    // Flags win over the project's `mcp:` block, which wins over the built-in defaults.
    const settings = project.config.mcp ?? {};
    const host = input.host ?? settings.host;
    const port = input.port ?? settings.port;
    const allowedHosts = [...(settings.allowed_hosts ?? []), ...(input.allowedHosts ?? [])];
    const allowedOrigins = [...(settings.allowed_origins ?? []), ...(input.allowedOrigins ?? [])];
    const callTimeoutMs = input.callTimeoutMs ?? settings.call_timeout_ms;
    const token = resolveMcpToken(input.token ?? settings.token, project.dir, env);
    auth = token.auth;
    handle = await startMcpHttpServer({
      tools: ANALYST_TOOLS,
      context,
      version: ktxVersion(),
      ...(host ? { host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(token.token ? { token: token.token } : {}),
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
      ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
      ...(input.maxBodyBytes ? { maxBodyBytes: input.maxBodyBytes } : {}),
      ...(callTimeoutMs ? { callTimeoutMs } : {}),
      ...(input.log ? { log: input.log, onToolCall: logLine(input.log) } : {}),
      health: { projectDir: project.dir, version: ktxVersion(), tools: ANALYST_TOOLS.length },
    });
  } catch (error) {
    await context.close();
    throw error;
  }
  if (input.writeState !== false) {
    writeDaemonState(project.layout, {
      pid: process.pid,
      url: handle.url,
      host: handle.host,
      port: handle.port,
      auth,
      projectDir: project.dir,
      startedAt: new Date().toISOString(),
      logFile: daemonLogFile(project.layout),
    });
  }
  return {
    ...handle,
    auth,
    projectDir: project.dir,
    async close() {
      if (input.writeState !== false) clearDaemonState(project.layout, process.pid);
      await handle.close();
      await context.close();
    },
  };
}
