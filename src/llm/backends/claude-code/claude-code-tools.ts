import { isAbortError } from '../../abort.js';
import type { LlmToolSet } from '../../port.js';
import { normalizeToolOutput } from '../../tool-output.js';
import type { ClaudeAgentSdk } from './claude-code-sdk.js';

/** The in-process MCP server's name; Claude Code names its tools `mcp__ktx__<tool>`. */
export const CLAUDE_CODE_MCP_SERVER = 'ktx';

export function claudeCodeToolId(name: string): string {
  return `mcp__${CLAUDE_CODE_MCP_SERVER}__${name}`;
}

export interface ToolCallObservation {
  name: string;
  ok: boolean;
  durationMs: number;
}

export interface ClaudeCodeToolBridge {
  server: ReturnType<ClaudeAgentSdk['createSdkMcpServer']>;
  /** Exactly the ids the model may call; nothing else is allowed. */
  allowedToolIds: string[];
}

/**
 * Publishes the port's tools as an in-process MCP server. Input is validated with the tool's own zod
 * schema before `execute` runs; a validation error or a throwing tool goes back to the model as an
 * `isError` result it can correct, the way the AI SDK backends report tool errors. An abort is not a
 * tool failure: the handler rethrows it and the query's own abort ends the run.
 */
export function createClaudeCodeToolBridge(
  sdk: ClaudeAgentSdk,
  tools: LlmToolSet,
  options: { signal: AbortSignal; onToolCalled: (call: ToolCallObservation) => void },
): ClaudeCodeToolBridge {
  let fallbackId = 0;
  const definitions = Object.entries(tools).map(([name, descriptor]) =>
    sdk.tool(name, descriptor.description, descriptor.inputSchema.shape, async (args, extra) => {
      const started = performance.now();
      const toolCallId = toolUseIdOf(extra) ?? `ktx-${name}-${++fallbackId}`;
      const finish = (ok: boolean) =>
        options.onToolCalled({ name, ok, durationMs: Math.round(performance.now() - started) });
      const parsed = descriptor.inputSchema.safeParse(args);
      if (!parsed.success) {
        finish(false);
        return errorResult(`Invalid input for ${name}: ${parsed.error.message}`);
      }
      try {
        const output = normalizeToolOutput(
          await descriptor.execute(parsed.data, { signal: options.signal, toolCallId }),
        );
        finish(true);
        return { content: [{ type: 'text' as const, text: output.markdown }] };
      } catch (error) {
        finish(false);
        if (isAbortError(error) && options.signal.aborted) throw error;
        return errorResult(`Tool ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
  const server = sdk.createSdkMcpServer({
    name: CLAUDE_CODE_MCP_SERVER,
    tools: definitions,
    alwaysLoad: true,
  });
  return { server, allowedToolIds: Object.keys(tools).map(claudeCodeToolId) };
}

function errorResult(text: string) {
  return { content: [{ type: 'text' as const, text }], isError: true };
}

// Claude Code passes the model's tool_use id in the MCP request metadata.
function toolUseIdOf(extra: unknown): string | undefined {
  const meta = (extra as { _meta?: Record<string, unknown> } | undefined)?._meta;
  const id = meta?.['claudecode/toolUseId'];
  return typeof id === 'string' ? id : undefined;
}
