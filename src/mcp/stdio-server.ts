import type { Readable, Writable } from 'node:stream';
import { createMcpServer, type McpServerOptions } from './create-mcp-server.js';
import { loadMcpSdk } from './load-mcp-sdk.js';

export interface McpStdioOptions extends McpServerOptions {
  stdin?: Readable;
  stdout?: Writable;
}

/**
 * Serves MCP over stdin/stdout until the client closes stdin. stdout carries protocol messages
 * only; anything else a caller wants to say goes to stderr.
 */
export async function serveMcpStdio(options: McpStdioOptions): Promise<void> {
  const { StdioServerTransport } = await loadMcpSdk();
  const server = await createMcpServer(options);
  const transport = new StdioServerTransport(
    options.stdin ?? process.stdin,
    options.stdout ?? process.stdout,
  );
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  const stdin = options.stdin ?? process.stdin;
  // The SDK transport does not notice end of input by itself.
  await Promise.race([closed, new Promise<void>((resolve) => stdin.once('end', () => resolve()))]);
  await server.close();
}
