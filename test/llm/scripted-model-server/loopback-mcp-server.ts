import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

/**
 * A minimal Streamable-HTTP MCP server with one `lookup_table` tool, for proving that a tool call the
 * scripted model server sends reaches a real MCP server through the Codex CLI. Stateless: one
 * McpServer per request. Requires `Authorization: Bearer <token>`.
 */
export interface LoopbackMcpServer {
  url: string;
  token: string;
  calls: Array<{ table: string }>;
  close(): Promise<void>;
}

export async function startLoopbackMcpServer(): Promise<LoopbackMcpServer> {
  const token = `tok-${Math.random().toString(36).slice(2)}`;
  const calls: Array<{ table: string }> = [];
  const http = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end();
      return;
    }
    const mcp = new McpServer({ name: 'ktx-test', version: '0.0.0' });
    mcp.registerTool(
      'lookup_table',
      { description: 'Describe a table', inputSchema: { table: z.string() } },
      async ({ table }) => {
        calls.push({ table });
        return { content: [{ type: 'text', text: `table ${table} has 3 columns` }] };
      },
    );
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, await readJson(req));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    token,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
