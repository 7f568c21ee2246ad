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
    const token = resolveMcpToken(input.token, project.dir, env);
    auth = token.auth;
    handle = await startMcpHttpServer({
      tools: ANALYST_TOOLS,
      context,
      version: ktxVersion(),
      ...(input.host ? { host: input.host } : {}),
      ...(input.port !== undefined ? { port: input.port } : {}),
      ...(token.token ? { token: token.token } : {}),
      ...(input.allowedHosts ? { allowedHosts: input.allowedHosts } : {}),
      ...(input.allowedOrigins ? { allowedOrigins: input.allowedOrigins } : {}),
      ...(input.maxBodyBytes ? { maxBodyBytes: input.maxBodyBytes } : {}),
      ...(input.callTimeoutMs ? { callTimeoutMs: input.callTimeoutMs } : {}),
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
