import { join } from 'node:path';
import { SERVER_NAME } from '../agent-target.js';
import type { AgentInstallContext, AgentPlan } from '../install-context.js';
import { skillMarkdown } from '../instructions-text.js';

function serverEntry(context: AgentInstallContext): Record<string, unknown> {
  const { launch } = context;
  if (launch.transport === 'http') {
    const headers = launch.tokenEnv ? { headers: { Authorization: `Bearer {env:${launch.tokenEnv}}` } } : {};
    return { type: 'remote', url: launch.url, enabled: true, ...headers };
  }
  // `{env:NAME}` is opencode's own substitution: the value is read at launch, never stored here.
  const environment = Object.fromEntries(launch.envNames.map((name) => [name, `{env:${name}}`]));
  return {
    type: 'local',
    command: [launch.command, ...launch.args],
    enabled: true,
    ...(launch.envNames.length > 0 ? { environment } : {}),
  };
}

/** OpenCode: the `mcp.ktx` entry of `opencode.json` (project) or `~/.config/opencode/opencode.json`, plus a skill. */
export function planOpencode(context: AgentInstallContext): AgentPlan {
  const global = context.scope === 'global';
  const root = global
    ? join(context.env.XDG_CONFIG_HOME ?? join(context.home, '.config'), 'opencode')
    : context.installDir;
  const skills = global ? join(root, 'skills') : join(root, '.opencode', 'skills');
  return {
    edits: [
      {
        kind: 'json',
        role: 'mcp-config',
        path: join(root, 'opencode.json'),
        keyPath: ['mcp', SERVER_NAME],
        value: serverEntry(context),
        template: { $schema: 'https://opencode.ai/config.json' },
      },
      {
        kind: 'file',
        role: 'instructions',
        path: join(skills, 'ktx', 'SKILL.md'),
        content: skillMarkdown(context.projectDir),
      },
    ],
    notes: [],
  };
}
