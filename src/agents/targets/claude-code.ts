import { join } from 'node:path';
import { SERVER_NAME } from '../agent-target.js';
import type { AgentInstallContext, AgentPlan } from '../install-context.js';
import { skillMarkdown } from '../instructions-text.js';

/** `CLAUDE_CONFIG_DIR` moves both `.claude.json` and the user's skills folder. */
function claudeUserDirs(context: AgentInstallContext): { configFile: string; skills: string } {
  const configDir = context.env.CLAUDE_CONFIG_DIR;
  return configDir
    ? { configFile: join(configDir, '.claude.json'), skills: join(configDir, 'skills') }
    : { configFile: join(context.home, '.claude.json'), skills: join(context.home, '.claude', 'skills') };
}

function serverEntry(context: AgentInstallContext): Record<string, unknown> {
  const { launch } = context;
  // Claude Code starts stdio servers with its own environment, so env names need no forwarding.
  if (launch.transport === 'http') {
    // Claude Code expands ${NAME} in server entries when it connects.
    const headers = launch.tokenEnv ? { headers: { Authorization: `Bearer \${${launch.tokenEnv}}` } } : {};
    return { type: 'http', url: launch.url, ...headers };
  }
  return { type: 'stdio', command: launch.command, args: launch.args };
}

/**
 * Claude Code: project scope writes `.mcp.json` (shared through git; Claude Code asks each user to
 * approve it once), `--global` the user's `~/.claude.json`, `--local` that file's private entry for
 * this project. The workflow goes in as a skill.
 */
export function planClaudeCode(context: AgentInstallContext): AgentPlan {
  const user = claudeUserDirs(context);
  const entry = serverEntry(context);
  if (context.scope === 'project') {
    return {
      edits: [
        {
          kind: 'json',
          role: 'mcp-config',
          path: join(context.installDir, '.mcp.json'),
          keyPath: ['mcpServers', SERVER_NAME],
          value: entry,
        },
        {
          kind: 'file',
          role: 'instructions',
          path: join(context.installDir, '.claude', 'skills', 'ktx', 'SKILL.md'),
          content: skillMarkdown(context.projectDir),
        },
      ],
      notes: ['Claude Code asks once to approve the project servers in .mcp.json: accept "ktx".'],
    };
  }
  const keyPath =
    context.scope === 'local'
      ? ['projects', context.projectDir, 'mcpServers', SERVER_NAME]
      : ['mcpServers', SERVER_NAME];
  return {
    edits: [
      { kind: 'json', role: 'mcp-config', path: user.configFile, keyPath, value: entry },
      {
        kind: 'file',
        role: 'instructions',
        path: join(user.skills, 'ktx', 'SKILL.md'),
        content: skillMarkdown(context.projectDir),
      },
    ],
    notes:
      context.scope === 'local'
        ? [`The server is private to you, in Claude Code sessions started in ${context.projectDir}.`]
        : [],
  };
}
