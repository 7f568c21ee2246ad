import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * One line of the `--debug-llm-requests` file. Shapes and counts only: never prompt text, tool
 * descriptions, schemas, keys or headers, so the file can be attached to a bug report as it is.
 */
export interface LlmDebugRecord {
  timestamp: string;
  backend: string;
  role?: string;
  model?: string;
  /** `generateText`, `generateObject`, `runAgentLoop`, `repair`, `probe`. */
  operation?: string;
  /** Caller tags (operation name, source, unit key): ids, not content. */
  tags?: Record<string, string>;
  messageCount: number;
  toolNames: string[];
  /** Where prompt-cache breakpoints sit: `system[0]:1h`, `tool:search:1h`, `message[3]:5m`. */
  cacheMarkers: string[];
  stream: boolean;
  /** HTTP status, or `error` / `aborted` when no response arrived. */
  status: number | 'error' | 'aborted';
  attempt: number;
  ms: number;
}

export interface LlmDebugRecorder {
  record(entry: LlmDebugRecord): Promise<void>;
}

/**
 * Appends one JSON line per provider call. Each line goes out in a single `appendFile` (O_APPEND), so
 * concurrent calls, and concurrent ktx processes on one file, interleave whole lines only. Writes are
 * chained so a slow disk never reorders one process's lines; a failing write never fails the call.
 */
export function createDebugRecorder(file: string): LlmDebugRecorder {
  let chain: Promise<void> = mkdir(dirname(file), { recursive: true }).then(
    () => undefined,
    () => undefined,
  );
  return {
    record(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      chain = chain.then(() => appendFile(file, line, 'utf8')).catch(() => undefined);
      return chain;
    },
  };
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function ttlOf(part: unknown): string | undefined {
  if (!isRecord(part)) return undefined;
  // Anthropic wire: `cache_control`; AI Gateway wire (call options): `providerOptions.anthropic.cacheControl`.
  const anthropic = isRecord(part.providerOptions) ? part.providerOptions.anthropic : undefined;
  const control = isRecord(part.cache_control)
    ? part.cache_control
    : isRecord(anthropic) && isRecord(anthropic.cacheControl)
      ? anthropic.cacheControl
      : undefined;
  if (!control) return undefined;
  return typeof control.ttl === 'string' ? control.ttl : '5m';
}

/**
 * Reads what the record needs from a provider request body (Anthropic Messages, OpenAI Responses,
 * Chat Completions): the wire body is the truth about what was sent, including cache breakpoints.
 */
export function summarizeRequestBody(
  body: unknown,
): Pick<LlmDebugRecord, 'messageCount' | 'toolNames' | 'cacheMarkers' | 'stream'> & { model?: string } {
  const summary = { messageCount: 0, toolNames: [] as string[], cacheMarkers: [] as string[], stream: false };
  if (!isRecord(body)) return summary;
  const model = typeof body.model === 'string' ? body.model : undefined;
  summary.stream = body.stream === true;
  // Anthropic/Chat: `messages`; Responses: `input`; AI Gateway: `prompt` (system messages included).
  const messages = Array.isArray(body.messages)
    ? body.messages
    : Array.isArray(body.input)
      ? body.input
      : Array.isArray(body.prompt)
        ? body.prompt
        : [];
  summary.messageCount = messages.length;
  if (Array.isArray(body.system)) {
    body.system.forEach((part, index) => {
      const ttl = ttlOf(part);
      if (ttl) summary.cacheMarkers.push(`system[${index}]:${ttl}`);
    });
  }
  messages.forEach((message, index) => {
    if (!isRecord(message)) return;
    const parts = Array.isArray(message.content) ? message.content : [message];
    for (const part of parts) {
      const ttl = ttlOf(part);
      if (ttl) summary.cacheMarkers.push(`message[${index}]:${ttl}`);
    }
  });
  if (Array.isArray(body.tools)) {
    for (const tool of body.tools) {
      if (!isRecord(tool)) continue;
      const fn = isRecord(tool.function) ? tool.function : undefined;
      const name =
        typeof tool.name === 'string' ? tool.name : typeof fn?.name === 'string' ? fn.name : undefined;
      if (!name) continue;
      summary.toolNames.push(name);
      const ttl = ttlOf(tool);
      if (ttl) summary.cacheMarkers.push(`tool:${name}:${ttl}`);
    }
    summary.toolNames.sort();
  }
  return model ? { ...summary, model } : summary;
}
