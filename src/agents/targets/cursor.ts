import { join } from 'node:path';
import { SERVER_NAME } from '../agent-target.js';
import type { AgentInstallContext, AgentPlan } from '../install-context.js';
import { cursorRule } from '../instructions-text.js';

function serverEntry(context: AgentInstallContext): Record<string, unknown> {
  const { launch } = context;
  if (launch.transport === 'http') {
    const headers = launch.tokenEnv
      ? { headers: { Authorization: `Bearer \${env:${launch.tokenEnv}}` } }
      : {};
    return { url: launch.url, ...headers };
  }
  // Cursor may start from the dock without the shell's environment; `${env:NAME}` makes it pass the
  // variable through by name (resolved by Cursor at launch, never stored).
  const env = Object.fromEntries(launch.envNames.map((name) => [name, `\${env:${name}}`]));
  return { command: launch.command, args: launch.args, ...(launch.envNames.length > 0 ? { env } : {}) };
}

/** Cursor: `.cursor/mcp.json` (or `~/.cursor/mcp.json` with `--global`) and a project rule. */
export function planCursor(context: AgentInstallContext): AgentPlan {
  const global = context.scope === 'global';
  const root = global ? join(context.home, '.cursor') : join(context.installDir, '.cursor');
  const edits: AgentPlan['edits'] = [
    {
      kind: 'json',
      role: 'mcp-config',
      path: join(root, 'mcp.json'),
      keyPath: ['mcpServers', SERVER_NAME],
      value: serverEntry(context),
    },
  ];
  const notes = ['Enable the "ktx" server in Cursor Settings › MCP if Cursor lists it as disabled.'];
  if (global)
    notes.push(
      'Cursor keeps user rules in its settings, not in files: the workflow rule is installed with project scope only.',
    );
  else
    edits.push({
      kind: 'file',
      role: 'instructions',
      path: join(root, 'rules', 'ktx.mdc'),
      content: cursorRule(context.projectDir),
    });
  return { edits, notes };
}
