// The MCP facade of the app layer; re-exported by ../index.ts.
export type { DaemonState, DaemonStatus } from '../../mcp/index.js';
export { DEFAULT_MCP_HOST, DEFAULT_MCP_PORT } from '../../mcp/index.js';
export { ANALYST_TOOLS, bindTools } from '../../tools/index.js';
export { analystToolSet } from './analyst-tool-set.js';
export {
  mcpDaemonLogs,
  mcpDaemonStatus,
  type StartDaemonInput,
  type StartDaemonResult,
  startMcpDaemon,
  stopMcpDaemon,
} from './mcp-daemon.js';
export { type McpToken, resolveMcpToken } from './mcp-token.js';
export {
  createProjectToolContext,
  type ProjectToolContext,
  type ProjectToolContextOptions,
} from './project-tool-context.js';
export {
  type ServeHttpHandle,
  type ServeHttpInput,
  type ServeStdioInput,
  serveHttp,
  serveStdio,
} from './serve-mcp.js';
