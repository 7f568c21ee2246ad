import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AGENT_TARGETS,
  type AgentInstallResult,
  type AgentScope,
  type AgentTarget,
  installAgents,
  isAgentTarget,
  type McpLaunch,
  type McpTransport,
  manifestPath,
} from '../../agents/index.js';
import { didYouMean, KtxError } from '../../core/index.js';
import { type DaemonState, DEFAULT_MCP_HOST, DEFAULT_MCP_PORT, readDaemonState } from '../../mcp/index.js';
import { acquireProjectLock, type KtxConfig } from '../../project/index.js';
import { DEFAULT_KEY_ENV } from '../llm/index.js';
import { openProject, type ProjectLocation } from '../open-project.js';

/** Where `ktx mcp start` listens by default (DESIGN.md: loopback, port 7878). */
export const DEFAULT_MCP_URL = `http://${DEFAULT_MCP_HOST}:${DEFAULT_MCP_PORT}/mcp`;

export interface SetupAgentsInput extends ProjectLocation {
  targets: readonly string[];
  global?: boolean;
  local?: boolean;
  installDir?: string;
  /** `stdio` (default: the client starts `ktx mcp stdio`) or `http` (the daemon of `ktx mcp start`). */
  transport?: string;
  /** The command clients run for `ktx`; default this install's node + bin/ktx.js (absolute paths). */
  launcher?: { command: string; args: string[] };
  /** Default: the running daemon's URL (`.ktx/run/mcp.json`), else DEFAULT_MCP_URL. */
  mcpUrl?: string;
  /** For tests of other OSes' Claude Desktop path. */
  platform?: NodeJS.Platform;
}

export interface SetupAgentsResult {
  projectDir: string;
  server: McpLaunch;
  agents: AgentInstallResult[];
  manifest: string;
}

/**
 * Absolute node + bin/ktx.js of this install: GUI clients (Claude Desktop, Cursor from the dock)
 * start servers without the shell's PATH, so a bare `ktx` would not be found.
 */
function defaultLauncher(): { command: string; args: string[] } {
  const bin = fileURLToPath(new URL('../../../bin/ktx.js', import.meta.url));
  return existsSync(bin) ? { command: process.execPath, args: [bin] } : { command: 'ktx', args: [] };
}

/** The env vars the MCP server reads through ktx.yaml: its `env:` references and default key vars. */
export function referencedEnvNames(config: KtxConfig): string[] {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && /^env:[A-Za-z_][A-Za-z0-9_]*$/.test(value)) names.add(value.slice(4));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(config);
  const backend = config.llm?.provider?.backend as keyof typeof DEFAULT_KEY_ENV | undefined;
  const keyEnv = backend ? DEFAULT_KEY_ENV[backend] : undefined;
  const provider = (
    config.llm?.provider as unknown as Record<string, { api_key?: string } | undefined> | undefined
  )?.[backend ?? ''];
  if (keyEnv && !provider?.api_key) names.add(keyEnv);
  return [...names].sort();
}

/**
 * The daemon's URL, and the env var clients must read its bearer token from: the daemon's own
 * `env:NAME` reference, else KTX_MCP_TOKEN (a `file:` token must be exported for clients to use it).
 */
function httpLaunch(url: string | undefined, daemon: DaemonState | undefined, envNames: string[]): McpLaunch {
  const auth = daemon?.auth ?? 'none';
  const tokenEnv = auth === 'none' ? undefined : auth.startsWith('env:') ? auth.slice(4) : 'KTX_MCP_TOKEN';
  return {
    transport: 'http',
    url: url ?? daemon?.url ?? DEFAULT_MCP_URL,
    envNames,
    ...(tokenEnv ? { tokenEnv } : {}),
  };
}

function parseTargets(raw: readonly string[]): AgentTarget[] {
  const targets = raw
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (targets.length === 0) {
    throw new KtxError('missing_input', 'ktx setup --agents needs --target <client>.', {
      fix: `add --target ${AGENT_TARGETS.join('|')} (repeatable)`,
    });
  }
  for (const target of targets) {
    if (!isAgentTarget(target)) {
      throw new KtxError(
        'invalid_argument',
        `Unknown agent target "${target}"${didYouMean(target, AGENT_TARGETS)}.`,
        {
          fix: `use one of ${AGENT_TARGETS.join(', ')}`,
        },
      );
    }
  }
  return [...new Set(targets as AgentTarget[])];
}

function parseScope(input: SetupAgentsInput): AgentScope {
  const chosen = [
    input.global && '--global',
    input.local && '--local',
    input.installDir && '--install-dir',
  ].filter(Boolean);
  if (chosen.length > 1) {
    throw new KtxError('invalid_argument', `${chosen.join(' and ')} cannot be combined.`, {
      fix: 'pick one scope: --global (your user config), --local (Claude Code, private) or --install-dir <dir>',
    });
  }
  return input.global ? 'global' : input.local ? 'local' : 'project';
}

function parseTransport(value: string | undefined): McpTransport {
  if (value === undefined || value === 'stdio' || value === 'http') return value ?? 'stdio';
  throw new KtxError('invalid_argument', `Unknown MCP transport "${value}".`, {
    fix: 'use --transport stdio or --transport http',
  });
}

/** `ktx setup --agents`: configure agent clients for this project's MCP server. */
export function setupAgents(input: SetupAgentsInput): SetupAgentsResult {
  const targets = parseTargets(input.targets);
  const scope = parseScope(input);
  const transport = parseTransport(input.transport);
  const project = openProject(input);
  const env = input.env ?? process.env;
  const envNames = referencedEnvNames(project.config);
  const launcher = input.launcher ?? defaultLauncher();
  const server: McpLaunch =
    transport === 'http'
      ? httpLaunch(input.mcpUrl, readDaemonState(project.layout), envNames)
      : {
          transport,
          command: launcher.command,
          args: [...launcher.args, 'mcp', 'stdio', '--project-dir', project.dir],
          envNames,
        };
  const lock = acquireProjectLock(project.layout.lock, 'setup --agents');
  try {
    const agents = installAgents({
      targets,
      scope,
      ...(input.installDir ? { installDir: resolve(input.cwd ?? process.cwd(), input.installDir) } : {}),
      projectDir: project.dir,
      launch: server,
      home: env.HOME || env.USERPROFILE || homedir(),
      env,
      platform: input.platform ?? process.platform,
    });
    return { projectDir: project.dir, server, agents, manifest: manifestPath(project.dir) };
  } finally {
    lock.release();
  }
}
