import { join } from 'node:path';
import { SERVER_NAME } from '../agent-target.js';
import type { TomlValue } from '../config-edit.js';
import type { AgentInstallContext, AgentPlan } from '../install-context.js';
import { agentsSection, skillMarkdown } from '../instructions-text.js';

export function codexHome(context: Pick<AgentInstallContext, 'home' | 'env'>): string {
  return context.env.CODEX_HOME ?? join(context.home, '.codex');
}

function serverEntries(context: AgentInstallContext): [string, TomlValue][] {
  const { launch } = context;
  // Every ktx tool is read-only (the SQL tool refuses writes), so Codex need not ask before each call.
  const approve: [string, TomlValue] = ['default_tools_approval_mode', 'approve'];
  if (launch.transport === 'http') {
    const token: [string, TomlValue][] = launch.tokenEnv ? [['bearer_token_env_var', launch.tokenEnv]] : [];
    return [['url', launch.url], ...token, approve];
  }
  return [
    ['command', launch.command],
    ['args', launch.args],
    // Codex starts stdio servers with a minimal environment: forward ktx.yaml's env vars by name.
    ...(launch.envNames.length > 0 ? [['env_vars', launch.envNames] as [string, TomlValue]] : []),
    // Opening the project (config, semantic layer, search index) can take longer than Codex's 10 s default.
    ['startup_timeout_sec', 30],
    // Codex otherwise sends the first turn before a slow-starting server has listed its tools, and the
    // model answers without ktx (seen in the end-to-end test). Required: Codex waits, or says ktx failed.
    ['required', true],
    approve,
  ];
}

/**
 * Codex: `[mcp_servers.ktx]` in `.codex/config.toml` (project scope; Codex reads it only in projects
 * the user trusts) or `$CODEX_HOME/config.toml` (`--global`), plus a skill under `.agents/skills/`
 * and a short AGENTS.md section pointing at it.
 */
export function planCodex(context: AgentInstallContext): AgentPlan {
  const global = context.scope === 'global';
  const configFile = global
    ? join(codexHome(context), 'config.toml')
    : join(context.installDir, '.codex', 'config.toml');
  const skillsRoot = global
    ? join(context.home, '.agents', 'skills')
    : join(context.installDir, '.agents', 'skills');
  const agentsFile = global ? join(codexHome(context), 'AGENTS.md') : join(context.installDir, 'AGENTS.md');
  const skillFile = join(skillsRoot, 'ktx', 'SKILL.md');
  return {
    edits: [
      {
        kind: 'toml-table',
        role: 'mcp-config',
        path: configFile,
        table: ['mcp_servers', SERVER_NAME],
        entries: serverEntries(context),
      },
      { kind: 'file', role: 'instructions', path: skillFile, content: skillMarkdown(context.projectDir) },
      {
        kind: 'markdown-section',
        role: 'instructions',
        path: agentsFile,
        body: agentsSection(global ? skillFile : '.agents/skills/ktx/SKILL.md'),
      },
    ],
    notes: global
      ? ['Codex lists the server with `codex mcp list`.']
      : [
          `Codex reads ${join(context.installDir, '.codex', 'config.toml')} only once you trust the project (Codex asks on first start there); --global writes $CODEX_HOME/config.toml instead.`,
        ],
  };
}
