import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KtxError } from '../core/index.js';
import { createMcpServer, type McpServerOptions } from './create-mcp-server.js';
import { createHttpGuard, isLoopbackHost } from './http-guard.js';
import { loadMcpSdk } from './load-mcp-sdk.js';

export const DEFAULT_MCP_HOST = '127.0.0.1';
export const DEFAULT_MCP_PORT = 7878;
/** JSON-RPC tool calls are small; a megabyte is far beyond any honest request. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const MCP_PATH = '/mcp';

export interface McpHttpOptions extends McpServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  allowedHosts?: readonly string[];
  allowedOrigins?: readonly string[];
  maxBodyBytes?: number;
  /** Extra fields of `GET /health` (project dir, version). */
  health?: Record<string, unknown>;
  log?: (line: string) => void;
}

export interface McpHttpHandle {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops listening and closes every connection; idempotent. */
  close(): Promise<void>;
}

/**
 * The Streamable-HTTP MCP server: `POST /mcp` (stateless: each request gets its own protocol
 * server over the one shared tool context, so any number of clients run at once and nothing is
 * lost when the daemon restarts) and `GET /health`. Refuses to listen beyond loopback without a
 * token.
 */
export async function startMcpHttpServer(options: McpHttpOptions): Promise<McpHttpHandle> {
  const host = options.host ?? DEFAULT_MCP_HOST;
  if (!isLoopbackHost(host) && !options.token) {
    throw new KtxError(
      'mcp_token_required',
      `Listening on ${host} would expose the MCP server beyond this machine without a token.`,
      {
        fix: 'Pass --token env:NAME (or file:PATH, or set KTX_MCP_TOKEN), or bind 127.0.0.1.',
      },
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => {});
  const sockets = new Set<Socket>();
  let guard: ReturnType<typeof createHttpGuard> = () => ({ ok: false, status: 403, message: 'starting' });

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`http error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) reply(response, 500, 'internal error');
      else response.destroy();
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== MCP_PATH && path !== '/health') return reply(response, 404, 'not found');
    const verdict = guard(request.headers);
    // /health answers without a token (status probes), but still only to allowed Hosts and Origins.
    if (!verdict.ok && !(path === '/health' && verdict.status === 401)) {
      if (verdict.status === 401) response.setHeader('www-authenticate', 'Bearer');
      return reply(response, verdict.status, verdict.message);
    }
    if (path === '/health') {
      return reply(response, 200, undefined, {
        status: 'ok',
        pid: process.pid,
        port: address.port,
        auth: options.token ? 'token' : 'none',
        // Details only to a caller that could use the server anyway.
        ...(verdict.ok ? options.health : {}),
      });
    }
    // Stateless: no standalone SSE stream to GET and no session to DELETE.
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return reply(response, 405, 'method not allowed');
    }
    if (Number(request.headers['content-length'] ?? '0') > maxBodyBytes)
      return reply(response, 413, 'request body too large');
    const body = await readBody(request, maxBodyBytes);
    if (body === undefined) return reply(response, 413, 'request body too large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return reply(response, 400, 'request body is not JSON');
    }
    const { StreamableHTTPServerTransport } = await loadMcpSdk();
    const server = await createMcpServer(options);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    response.once('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, parsed);
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new KtxError(
              'mcp_port_in_use',
              `Port ${options.port ?? DEFAULT_MCP_PORT} on ${host} is already in use.`,
              {
                fix: 'Pick another with --port, or stop what listens there (`ktx mcp status` tells whether it is ktx).',
              },
            )
          : error,
      );
    http.once('error', onError);
    http.listen(options.port ?? DEFAULT_MCP_PORT, host, () => {
      http.off('error', onError);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  guard = createHttpGuard({
    host,
    port: address.port,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.token ? { token: options.token } : {}),
  });
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}${MCP_PATH}`,
    host,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** The body as text, or undefined as soon as more than `maxBytes` arrived. */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, message: string | undefined, body?: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  // After a refusal, close: a client streaming a huge body must not keep the socket busy.
  if (status === 413) response.setHeader('connection', 'close');
  response.end(JSON.stringify(body ?? { error: message }));
}
