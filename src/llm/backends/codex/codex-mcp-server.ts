import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { linkAbortSignal } from '../../abort.js';
import type { LlmToolSet } from '../../port.js';
import { normalizeToolOutput } from '../../tool-output.js';

/** The env var the Codex child reads the bearer token from (`bearer_token_env_var`). */
export const CODEX_MCP_TOKEN_ENV_VAR = 'KTX_CODEX_MCP_TOKEN';
/** The name Codex knows the server by; tool items in the event stream carry it as `server`. */
export const CODEX_MCP_SERVER_NAME = 'ktx';
/** JSON-RPC bodies from Codex are small; anything near this is not a tool call. */
export const CODEX_MCP_MAX_BODY_BYTES = 1024 * 1024;
const MCP_PATH = '/mcp';

export interface CodexMcpToolCall {
  name: string;
  ok: boolean;
  durationMs: number;
}

export interface CodexMcpServerHandle {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  readonly bearerToken: string;
  readonly bearerTokenEnvVar: string;
  readonly toolNames: readonly string[];
  /** Tool calls this server executed, in order (for metrics and tests). */
  readonly toolCalls: readonly CodexMcpToolCall[];
  /** Open TCP connections right now; 0 after `close()`. */
  openConnections(): number;
  /** Stops listening and destroys every socket. Idempotent; never throws. */
  close(): Promise<void>;
}

export interface StartCodexMcpServerInput {
  tools: LlmToolSet;
  /** Aborting it cancels running tool executions and closes the server. */
  signal?: AbortSignal;
  maxBodyBytes?: number;
  onToolCall?: (call: CodexMcpToolCall) => void;
}

/**
 * A loopback Streamable-HTTP MCP server that lives for one runtime call and exposes exactly the
 * tools of that call. Defences, in order: only `/mcp`; a Host header naming this loopback port and
 * no foreign Origin (DNS rebinding: a web page must not reach it through a hostname that resolves to
 * 127.0.0.1); a per-server random bearer token; a body size limit. Each request gets its own
 * stateless MCP server and transport, so nothing survives a request but the tool-call log.
 */
export async function startCodexMcpServer(input: StartCodexMcpServerInput): Promise<CodexMcpServerHandle> {
  const maxBodyBytes = input.maxBodyBytes ?? CODEX_MCP_MAX_BODY_BYTES;
  const bearerToken = randomBytes(32).toString('hex');
  const expectedAuthorization = Buffer.from(`Bearer ${bearerToken}`);
  const toolCalls: CodexMcpToolCall[] = [];
  const sockets = new Set<Socket>();
  // Tool executions see this signal: it aborts with the caller's signal and when the server closes.
  const lifetime = linkAbortSignal(input.signal);
  let port = 0;

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        reply(response, 500, error instanceof Error ? error.message : 'internal error');
      else response.destroy();
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== MCP_PATH) return reply(response, 404, 'not found');
    const host = (request.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return reply(response, 403, 'forbidden host');
    }
    const origin = request.headers.origin;
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    ) {
      return reply(response, 403, 'forbidden origin');
    }
    if (!authorized(request.headers.authorization, expectedAuthorization)) {
      response.setHeader('www-authenticate', 'Bearer');
      return reply(response, 401, 'missing or wrong bearer token');
    }
    // Stateless server: no standalone SSE stream to GET and no session to DELETE.
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return reply(response, 405, 'method not allowed');
    }
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) return reply(response, 413, 'request body too large');
    const body = await readBody(request, maxBodyBytes);
    if (body === undefined) return reply(response, 413, 'request body too large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return reply(response, 400, 'request body is not JSON');
    }
    const server = buildMcpServer(input.tools, lifetime.controller.signal, (call) => {
      toolCalls.push(call);
      input.onToolCall?.(call);
    });
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
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      input.signal?.removeEventListener('abort', onAbort);
      lifetime.controller.abort();
      lifetime.dispose();
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      // close() alone waits for keep-alive sockets; a child killed mid-request must not keep us open.
      const socketsGone = [...sockets].map(
        (socket) =>
          new Promise<void>((resolve) =>
            socket.destroyed && !sockets.has(socket) ? resolve() : socket.once('close', () => resolve()),
          ),
      );
      http.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await Promise.all([stopped, ...socketsGone]);
    })();
    return closing;
  };
  const onAbort = () => void close();
  input.signal?.addEventListener('abort', onAbort, { once: true });
  if (input.signal?.aborted) await close();

  return {
    url: `http://127.0.0.1:${port}${MCP_PATH}`,
    bearerToken,
    bearerTokenEnvVar: CODEX_MCP_TOKEN_ENV_VAR,
    toolNames: Object.values(input.tools).map((tool) => tool.name),
    toolCalls,
    openConnections: () => sockets.size,
    close,
  };
}

function buildMcpServer(
  tools: LlmToolSet,
  signal: AbortSignal,
  record: (call: CodexMcpToolCall) => void,
): McpServer {
  const server = new McpServer({ name: 'ktx-runtime', version: '1.0.0' });
  for (const tool of Object.values(tools)) {
    server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: tool.inputSchema },
      async (args: unknown, extra: { signal: AbortSignal; requestId: string | number }) => {
        const startedAt = performance.now();
        const linked = linkAbortSignal(AbortSignal.any([signal, extra.signal]));
        try {
          const output = normalizeToolOutput(
            await tool.execute(args as never, {
              signal: linked.controller.signal,
              toolCallId: `${tool.name}-${String(extra.requestId)}`,
            }),
          );
          record({ name: tool.name, ok: true, durationMs: performance.now() - startedAt });
          // Text only: Codex shows the model `structuredContent` instead of the text when both are sent,
          // and the port promises the model reads the Markdown.
          return { content: [{ type: 'text', text: output.markdown }] } satisfies CallToolResult;
        } catch (error) {
          record({ name: tool.name, ok: false, durationMs: performance.now() - startedAt });
          // The model reads this and may recover (fix its input, try another tool), as STYLE §16 asks.
          const message = error instanceof Error ? error.message : String(error);
          return { isError: true, content: [{ type: 'text', text: `Tool ${tool.name} failed: ${message}` }] };
        } finally {
          linked.dispose();
        }
      },
    );
  }
  return server;
}

function authorized(header: string | undefined, expected: Buffer): boolean {
  if (header === undefined) return false;
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as text, or undefined as soon as more than `maxBytes` arrived (the rest is not read). */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  // Close the connection after a refusal: a client that sent a huge body must not keep streaming it.
  if (status === 413) response.setHeader('connection', 'close');
  response.end(JSON.stringify({ error: message }));
}
