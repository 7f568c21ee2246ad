import { join } from 'node:path';
import { KtxError } from '../../core/index.js';
import { SERVER_NAME } from '../agent-target.js';
import type { AgentInstallContext, AgentPlan } from '../install-context.js';
import { skillMarkdown } from '../instructions-text.js';

/** Where Claude Desktop keeps its config on each OS (Linux builds are unofficial but use XDG). */
export function claudeDesktopConfigPath(
  context: Pick<AgentInstallContext, 'home' | 'env' | 'platform'>,
): string {
  if (context.platform === 'darwin')
    return join(context.home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
  if (context.platform === 'win32')
    return join(
      context.env.APPDATA ?? join(context.home, 'AppData', 'Roaming'),
      'Claude',
      'claude_desktop_config.json',
    );
  return join(
    context.env.XDG_CONFIG_HOME ?? join(context.home, '.config'),
    'Claude',
    'claude_desktop_config.json',
  );
}

/**
 * Claude Desktop launches one stdio process per conversation from its own config file, which has no
 * variable expansion. ktx writes no secret there: the server reads ktx.yaml's env:/file: references
 * itself, and the notes name the env vars Desktop (started outside a shell) will not have.
 */
export function planClaudeDesktop(context: AgentInstallContext): AgentPlan {
  const { launch } = context;
  if (launch.transport !== 'stdio') {
    throw new KtxError(
      'agent_target_unsupported',
      'Claude Desktop starts its servers over stdio; it cannot use --transport http.',
      {
        fix: 'drop --transport http for --target claude-desktop',
      },
    );
  }
  const skillDir = join(context.projectDir, '.ktx', 'agents', 'claude-desktop', 'ktx');
  const notes = [
    `Restart Claude Desktop to load the server. To add the workflow skill, zip ${skillDir} and upload it in Claude Desktop (Customize › Skills).`,
  ];
  if (launch.envNames.length > 0) {
    notes.push(
      `ktx.yaml reads ${launch.envNames.join(', ')} from the environment, which Claude Desktop does not inherit from your shell; ktx did not copy the values into its config. Store them as file: references instead (e.g. ktx setup --database-url file:<path>).`,
    );
  }
  return {
    edits: [
      {
        kind: 'json',
        role: 'mcp-config',
        path: claudeDesktopConfigPath(context),
        keyPath: ['mcpServers', SERVER_NAME],
        value: { command: launch.command, args: launch.args },
      },
      {
        kind: 'file',
        role: 'instructions',
        path: join(skillDir, 'SKILL.md'),
        content: skillMarkdown(context.projectDir),
      },
    ],
    notes,
  };
}
