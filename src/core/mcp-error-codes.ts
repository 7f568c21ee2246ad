/** Stable error codes of the MCP server and agent integrations subsystem; never renamed or reused, add at the end. */
export const MCP_ERROR_CODES = {
  tool_input_invalid: 'A tool was called with arguments it cannot use.',
  tool_timeout: 'A tool call ran longer than the MCP server allows one call to run.',
  entity_not_found: 'No semantic-layer source or scanned table has this name.',
  mcp_token_required: 'The MCP server would listen beyond loopback without a bearer token.',
  mcp_daemon_running: 'An MCP daemon is already running for this project.',
  mcp_daemon_not_running: 'No MCP daemon is running for this project.',
  mcp_port_in_use: 'The MCP server cannot listen: the address is already in use.',
  mcp_daemon_failed: 'The MCP daemon did not start or did not answer its health check.',
} as const;
