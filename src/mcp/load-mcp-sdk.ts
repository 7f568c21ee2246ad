import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface McpSdk {
  McpServer: typeof McpServer;
  StreamableHTTPServerTransport: typeof StreamableHTTPServerTransport;
  StdioServerTransport: typeof StdioServerTransport;
}

let loading: Promise<McpSdk> | undefined;

/**
 * The MCP SDK (with its HTTP and validation dependencies) costs ~130 ms to import, and every ktx
 * command loads the app layer that re-exports this one; only the commands that serve MCP pay for it.
 */
export function loadMcpSdk(): Promise<McpSdk> {
  loading ??= Promise.all([
    import('@modelcontextprotocol/sdk/server/mcp.js'),
    import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
  ]).then(([mcp, http, stdio]) => ({
    McpServer: mcp.McpServer,
    StreamableHTTPServerTransport: http.StreamableHTTPServerTransport,
    StdioServerTransport: stdio.StdioServerTransport,
  }));
  return loading;
}
