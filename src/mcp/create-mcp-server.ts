import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { KtxError, toKtxError } from '../core/index.js';
import { type AnyKtxTool, type ToolContext, toolErrorText } from '../tools/index.js';
import { loadMcpSdk } from './load-mcp-sdk.js';

/** How long one tool call may run before it is cancelled and answered with `tool_timeout`. */
export const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/** One finished tool call, for the server log and tests. */
export interface ToolCallRecord {
  tool: string;
  ok: boolean;
  code?: string;
  durationMs: number;
}

export interface McpServerOptions {
  tools: readonly AnyKtxTool[];
  context: ToolContext;
  version: string;
  callTimeoutMs?: number;
  onToolCall?: (record: ToolCallRecord) => void;
}

/** What the client shows its model about ktx as a whole; each tool's description covers the details. */
export const SERVER_INSTRUCTIONS = [
  'ktx serves this project’s approved data context: a semantic layer of measures and joins, a wiki of',
  'business definitions, and read-only SQL on the warehouse. To answer a data question: discover_data',
  'first; read definitions (entity_details, wiki_read, sl_read_source); then sl_query with the approved',
  'measures. Use sql_execution only when no measure fits, and say so. Never guess a number.',
].join(' ');

/**
 * One MCP server exposing `tools` over any transport. A tool failure (bad input, unknown name,
 * refused SQL, timeout) is an `isError` result whose text names the problem and the fix; only
 * protocol faults become JSON-RPC errors.
 */
export async function createMcpServer(options: McpServerOptions): Promise<McpServer> {
  const { McpServer } = await loadMcpSdk();
  const server = new McpServer(
    { name: 'ktx', version: options.version },
    { instructions: SERVER_INSTRUCTIONS, capabilities: { tools: { listChanged: false } } },
  );
  const timeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  for (const tool of options.tools) {
    server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: tool.inputSchema, annotations: tool.annotations },
      async (args: unknown, extra: { signal: AbortSignal; requestId: string | number }) => {
        const startedAt = performance.now();
        const controller = new AbortController();
        const onAbort = () => controller.abort(extra.signal.reason);
        extra.signal.addEventListener('abort', onAbort, { once: true });
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new KtxError(
              'tool_timeout',
              `${tool.name} did not finish within ${timeoutMs} ms.`,
              {
                fix: 'Ask for less (fewer rows, a narrower filter, a coarser grain) and call again.',
              },
            );
            controller.abort(error);
            reject(error);
          }, timeoutMs);
          timer.unref();
        });
        try {
          const output = await Promise.race([
            tool.execute(args as never, {
              ...options.context,
              signal: controller.signal,
              toolCallId: `${tool.name}-${String(extra.requestId)}`,
            }),
            timedOut,
          ]);
          options.onToolCall?.({ tool: tool.name, ok: true, durationMs: performance.now() - startedAt });
          return {
            content: [{ type: 'text', text: output.markdown }],
            ...(output.structured ? { structuredContent: output.structured } : {}),
          } satisfies CallToolResult;
        } catch (error) {
          const problem = toKtxError(error);
          const { text, code } = toolErrorText(tool.name, problem);
          options.onToolCall?.({
            tool: tool.name,
            ok: false,
            code,
            durationMs: performance.now() - startedAt,
          });
          return {
            isError: true,
            content: [{ type: 'text', text }],
            structuredContent: {
              error: { code, message: problem.message, ...(problem.fix ? { fix: problem.fix } : {}) },
            },
          } satisfies CallToolResult;
        } finally {
          clearTimeout(timer);
          extra.signal.removeEventListener('abort', onAbort);
        }
      },
    );
  }
  return server;
}
