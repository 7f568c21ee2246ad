import { join } from 'node:path';
import type { AgentInstallContext, AgentPlan } from '../install-context.js';
import { agentsSection, skillMarkdown } from '../instructions-text.js';

/**
 * Any other agent that reads AGENTS.md and `.agents/skills/` (the open agent-skills layout). There is
 * no config file to merge, so the notes carry what to paste into the client's MCP settings.
 */
export function planUniversal(context: AgentInstallContext): AgentPlan {
  const { launch } = context;
  const how =
    launch.transport === 'stdio'
      ? `Add a stdio MCP server named "ktx" to your client: command ${JSON.stringify(launch.command)}, args ${JSON.stringify(launch.args)}${launch.envNames.length > 0 ? `, passing the env vars ${launch.envNames.join(', ')}` : ''}.`
      : `Add a Streamable HTTP MCP server named "ktx" to your client: ${launch.url} (start it with ktx mcp start).`;
  return {
    edits: [
      {
        kind: 'file',
        role: 'instructions',
        path: join(context.installDir, '.agents', 'skills', 'ktx', 'SKILL.md'),
        content: skillMarkdown(context.projectDir),
      },
      {
        kind: 'markdown-section',
        role: 'instructions',
        path: join(context.installDir, 'AGENTS.md'),
        body: agentsSection('.agents/skills/ktx/SKILL.md'),
      },
    ],
    notes: [how],
  };
}
