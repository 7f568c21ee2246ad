/** Stable error codes of the MCP server and agent integrations subsystem; never renamed or reused, add at the end. */
export const MCP_ERROR_CODES = {} as const;
