import type { SetupAgentsResult } from '../../app/agents/index.js';

/** Text output of `ktx setup --agents`: per client, each file and what happened to it, then next steps. */
export function renderSetupAgents(result: SetupAgentsResult): string {
  const { server } = result;
  const lines = [
    server.transport === 'stdio'
      ? `MCP server: stdio, started by the client as: ${[server.command, ...server.args].join(' ')}`
      : `MCP server: ${server.url} (start it with: ktx mcp start)`,
  ];
  for (const agent of result.agents) {
    lines.push(
      '',
      `${agent.target} (${agent.scope}): ${agent.changed ? 'configured' : 'already configured, nothing changed'}`,
    );
    for (const file of agent.files) {
      lines.push(
        `  ${file.action.padEnd(9)} ${file.path}${file.backup ? `  (previous version: ${file.backup})` : ''}`,
      );
    }
    for (const note of agent.notes) lines.push(`  note: ${note}`);
  }
  lines.push('', 'Check with: ktx status');
  return lines.join('\n');
}
