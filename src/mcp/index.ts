export {
  createMcpServer,
  DEFAULT_CALL_TIMEOUT_MS,
  type McpServerOptions,
  SERVER_INSTRUCTIONS,
  type ToolCallRecord,
} from './create-mcp-server.js';
export {
  clearDaemonState,
  type DaemonState,
  daemonLogFile,
  daemonStateFile,
  probeHealth,
  processAlive,
  readDaemonState,
  writeDaemonState,
} from './daemon-state.js';
export { createHttpGuard, type GuardVerdict, type HttpGuardOptions, isLoopbackHost } from './http-guard.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MCP_HOST,
  DEFAULT_MCP_PORT,
  MCP_PATH,
  type McpHttpHandle,
  type McpHttpOptions,
  startMcpHttpServer,
} from './http-server.js';
export {
  type DaemonStatus,
  daemonLogTail,
  daemonStatus,
  KTX_BIN,
  type SpawnDaemonInput,
  spawnDaemon,
  stopDaemon,
} from './mcp-daemon.js';
export { type McpStdioOptions, serveMcpStdio } from './stdio-server.js';
