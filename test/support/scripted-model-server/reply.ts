import type {
  ScriptedApi,
  ScriptedJsonTurn,
  ScriptedTextTurn,
  ScriptedToolCallsTurn,
  ScriptedUsage,
} from './types.js';

/** A tool call ready for the wire: `arguments` is the exact JSON text sent (possibly malformed). */
export interface ReplyToolCall {
  id: string;
  name: string;
  arguments: string;
  /** Responses API only: the tool namespace (Codex publishes MCP tools as namespace `mcp__<server>`). */
  namespace?: string;
  /** Responses API only: Codex's client-executed `tool_search` call instead of a function call. */
  toolSearch?: boolean;
}

/** What a successful turn says, independent of the API that carries it. */
export interface Reply {
  text: string;
  toolCalls: ReplyToolCall[];
  stop: 'end' | 'max_tokens' | 'tool_use';
  usage: Required<Pick<ScriptedUsage, 'inputTokens' | 'outputTokens'>> & ScriptedUsage;
  headers: Record<string, string>;
}

const DEFAULT_USAGE = { inputTokens: 10, outputTokens: 5 };

/**
 * Tools clients use to carry structured output on the Anthropic API: @ai-sdk/anthropic's fallback
 * `json` tool and Claude Code's `StructuredOutput` tool. A `json` turn answers through them when offered.
 */
const STRUCTURED_OUTPUT_TOOLS = ['json', 'StructuredOutput'];

/** Turns one answering turn into a reply for `api`; `body` is the request (its tools decide `json`). */
export function buildReply(
  turn: ScriptedTextTurn | ScriptedToolCallsTurn | ScriptedJsonTurn,
  api: ScriptedApi,
  body: unknown,
  nextId: (prefix: string) => string,
): Reply {
  const usage = { ...DEFAULT_USAGE, ...turn.usage };
  const headers = { ...turn.headers };
  const idPrefix = api === 'anthropic' ? 'toolu_' : 'call_';
  switch (turn.kind) {
    case 'text':
      return { text: turn.text, toolCalls: [], stop: turn.stopReason ?? 'end', usage, headers };
    case 'tool_calls':
      return {
        text: turn.text ?? '',
        toolCalls: turn.calls.map((call) => {
          const wire = {
            id: call.id ?? nextId(idPrefix),
            name: call.name,
            arguments: toArgumentsText(call.input),
          };
          return api === 'responses' ? toResponsesCall(wire, body) : wire;
        }),
        stop: 'tool_use',
        usage,
        headers,
      };
    case 'json': {
      const document = toArgumentsText(turn.value);
      const tool = api === 'anthropic' ? offeredStructuredOutputTool(body) : undefined;
      if (tool) {
        return {
          text: '',
          toolCalls: [{ id: nextId(idPrefix), name: tool, arguments: document }],
          stop: 'tool_use',
          usage,
          headers,
        };
      }
      return { text: document, toolCalls: [], stop: 'end', usage, headers };
    }
  }
}

/**
 * Codex groups MCP tools into `namespace` tools (`mcp__ktx` holding `lookup_table`) and expects the
 * call as `{namespace, name}`; a scripted `mcp__ktx__lookup_table` is split when that namespace is
 * offered in `tools` or was returned by an earlier `tool_search`. A call named `tool_search` becomes
 * Codex's `tool_search_call` item when the request offers that tool.
 */
function toResponsesCall(call: ReplyToolCall, body: unknown): ReplyToolCall {
  if (call.name === 'tool_search' && offeredTools(body).some((tool) => tool.type === 'tool_search')) {
    return { ...call, toolSearch: true };
  }
  const namespace = offeredNamespaces(body).find((name) => call.name.startsWith(`${name}__`));
  if (!namespace) return call;
  return { ...call, namespace, name: call.name.slice(namespace.length + 2) };
}

type OfferedTool = { type?: unknown; name?: unknown; tools?: unknown };

function offeredTools(body: unknown): OfferedTool[] {
  const tools = (body as { tools?: unknown } | undefined)?.tools;
  return Array.isArray(tools) ? (tools as OfferedTool[]) : [];
}

/** Namespace tool names in `tools` and in `tool_search_output` items of the conversation. */
export function offeredNamespaces(body: unknown): string[] {
  const input = (body as { input?: unknown } | undefined)?.input;
  const searched = Array.isArray(input)
    ? input.flatMap((item: { type?: unknown; tools?: unknown }) =>
        item?.type === 'tool_search_output' && Array.isArray(item.tools) ? (item.tools as OfferedTool[]) : [],
      )
    : [];
  return [...offeredTools(body), ...searched]
    .filter((tool) => tool?.type === 'namespace' && typeof tool.name === 'string')
    .map((tool) => tool.name as string);
}

/** True when a Responses request offers Codex's `tool_search` (deferred MCP tools). */
export function offersToolSearch(body: unknown): boolean {
  return offeredTools(body).some((tool) => tool.type === 'tool_search');
}

function toArgumentsText(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input ?? {});
}

function offeredStructuredOutputTool(body: unknown): string | undefined {
  const tools = (body as { tools?: Array<{ name?: unknown }> } | undefined)?.tools;
  if (!Array.isArray(tools)) return undefined;
  return STRUCTURED_OUTPUT_TOOLS.find((name) => tools.some((tool) => tool?.name === name));
}

/** Splits text into a few deltas so clients exercise their accumulation (word boundaries kept). */
export function chunkText(text: string): string[] {
  if (text.length === 0) return [];
  const parts = text.match(/\S+\s*|\s+/g) ?? [text];
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += 3) chunks.push(parts.slice(i, i + 3).join(''));
  return chunks;
}

/** Splits tool-call JSON in two so the client must join `input_json_delta` / `arguments` deltas. */
export function chunkArguments(text: string): string[] {
  if (text.length < 2) return [text];
  const middle = Math.floor(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)];
}
