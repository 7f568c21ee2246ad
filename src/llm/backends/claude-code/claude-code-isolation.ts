import { KtxError } from '../../../core/index.js';
import { CLAUDE_CODE_MCP_SERVER } from './claude-code-tools.js';

/** The parts of Claude Code's `system`/`init` message the isolation check reads. */
export interface ClaudeCodeInitFacts {
  tools: string[];
  mcp_servers: Array<{ name: string; status: string; source?: string }>;
  plugins?: Array<{ name: string; path?: string; source?: string }>;
}

export interface ClaudeCodeIsolationExpectation {
  /** Exact tool ids the session must expose (ours, plus `StructuredOutput` for objects). */
  toolIds: string[];
  /** Whether our in-process MCP server must be present (it is whenever tools were passed). */
  mcpServer: boolean;
}

/**
 * Fails the call unless the session exposes exactly the expected tools, exactly our in-process MCP
 * server (connected, registered by this SDK host) and no installed plugin. Built-in tools, user or
 * managed MCP servers and plugins would let a model act outside the run's tool set. Host slash
 * commands, skills and agents are listed by every real installation even with settings isolated
 * (reference R8) and cannot run without a tool, so they are not checked; neither are the plugins
 * compiled into Claude Code itself (`…@builtin`), which every installation carries and which add no
 * tool or server here (both are checked exactly above).
 */
export function assertClaudeCodeIsolation(
  init: ClaudeCodeInitFacts,
  expected: ClaudeCodeIsolationExpectation,
): void {
  const allowed = new Set(expected.toolIds);
  const present = new Set(init.tools);
  const extraTools = init.tools.filter((tool) => !allowed.has(tool));
  const missingTools = expected.toolIds.filter((tool) => !present.has(tool));
  const extraServers = init.mcp_servers.filter(
    (server) => !expected.mcpServer || server.name !== CLAUDE_CODE_MCP_SERVER,
  );
  const ours = init.mcp_servers.find((server) => server.name === CLAUDE_CODE_MCP_SERVER);
  // A configured server that happens to be called `ktx` must not pass for ours (source 'sdk').
  const serverProblem =
    expected.mcpServer &&
    (ours?.status !== 'connected' || (ours.source !== undefined && ours.source !== 'sdk'));
  const plugins = (init.plugins ?? []).filter((plugin) => !isBuiltInPlugin(plugin));
  if (
    extraTools.length === 0 &&
    missingTools.length === 0 &&
    extraServers.length === 0 &&
    !serverProblem &&
    plugins.length === 0
  )
    return;

  const problems = [
    extraTools.length > 0 ? `unexpected tools ${extraTools.join(', ')}` : '',
    missingTools.length > 0 ? `missing tools ${missingTools.join(', ')}` : '',
    extraServers.length > 0
      ? `unexpected MCP servers ${extraServers.map((server) => server.name).join(', ')}`
      : '',
    serverProblem
      ? `ktx MCP server ${ours ? `${ours.status} (source ${ours.source ?? 'unknown'})` : 'absent'}`
      : '',
    plugins.length > 0 ? `plugins ${plugins.map((plugin) => plugin.name).join(', ')}` : '',
  ].filter(Boolean);
  throw new KtxError('llm_isolation', `Claude Code session is not isolated: ${problems.join('; ')}.`, {
    fix: 'Remove the MCP servers, plugins or tools your Claude Code managed settings force into every session, or use another llm.provider.backend.',
    data: {
      backend: 'claude-code',
      extraTools,
      missingTools,
      extraServers: extraServers.map((server) => server.name),
    },
  });
}

function isBuiltInPlugin(plugin: { path?: string; source?: string }): boolean {
  return plugin.path === 'builtin' && (plugin.source === undefined || plugin.source.endsWith('@builtin'));
}
