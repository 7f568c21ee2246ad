import type { ServerResponse } from 'node:http';
import { resetAt, sendJson, startEventStream, writeEvent } from './http-helpers.js';
import { chunkArguments, chunkText, type Reply } from './reply.js';
import type { ScriptedErrorTurn } from './types.js';

/**
 * The Anthropic Messages API (`POST /v1/messages`), streaming and not, as documented at
 * https://docs.anthropic.com/en/api/messages-streaming. Blocks: text first (when any), then tool_use.
 */

interface MessageContext {
  model: string;
  messageId: string;
  requestId: string;
}

function usageFields(reply: Reply) {
  return {
    input_tokens: reply.usage.inputTokens,
    output_tokens: reply.usage.outputTokens,
    cache_creation_input_tokens: reply.usage.cacheWriteTokens ?? 0,
    cache_read_input_tokens: reply.usage.cacheReadTokens ?? 0,
  };
}

function stopReason(reply: Reply): string {
  return reply.stop === 'tool_use' ? 'tool_use' : reply.stop === 'max_tokens' ? 'max_tokens' : 'end_turn';
}

function parsedInput(argumentsText: string): unknown {
  try {
    return JSON.parse(argumentsText);
  } catch {
    // Non-streaming responses carry `input` as a JSON value; malformed scripted input travels as a string.
    return argumentsText;
  }
}

export function sendAnthropicMessage(res: ServerResponse, reply: Reply, context: MessageContext): void {
  const content: unknown[] = [];
  if (reply.text) content.push({ type: 'text', text: reply.text });
  for (const call of reply.toolCalls) {
    content.push({ type: 'tool_use', id: call.id, name: call.name, input: parsedInput(call.arguments) });
  }
  sendJson(
    res,
    200,
    {
      id: context.messageId,
      type: 'message',
      role: 'assistant',
      model: context.model,
      content,
      stop_reason: stopReason(reply),
      stop_sequence: null,
      usage: usageFields(reply),
    },
    { 'request-id': context.requestId, ...reply.headers },
  );
}

/** Streams the reply; with `hang` it stops after the text deltas and leaves the response open. */
export function streamAnthropicMessage(
  res: ServerResponse,
  reply: Reply,
  context: MessageContext,
  hang = false,
): void {
  startEventStream(res, { 'request-id': context.requestId, ...reply.headers });
  const usage = usageFields(reply);
  writeEvent(res, 'message_start', {
    type: 'message_start',
    message: {
      id: context.messageId,
      type: 'message',
      role: 'assistant',
      model: context.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  writeEvent(res, 'ping', { type: 'ping' });
  let index = 0;
  if (reply.text || hang) {
    writeEvent(res, 'content_block_start', {
      type: 'content_block_start',
      index,
      content_block: { type: 'text', text: '' },
    });
    for (const text of chunkText(reply.text)) {
      writeEvent(res, 'content_block_delta', {
        type: 'content_block_delta',
        index,
        delta: { type: 'text_delta', text },
      });
    }
    if (hang) return;
    writeEvent(res, 'content_block_stop', { type: 'content_block_stop', index });
    index += 1;
  }
  for (const call of reply.toolCalls) {
    writeEvent(res, 'content_block_start', {
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
    });
    for (const partial of chunkArguments(call.arguments)) {
      writeEvent(res, 'content_block_delta', {
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: partial },
      });
    }
    writeEvent(res, 'content_block_stop', { type: 'content_block_stop', index });
    index += 1;
  }
  writeEvent(res, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: stopReason(reply), stop_sequence: null },
    usage,
  });
  writeEvent(res, 'message_stop', { type: 'message_stop' });
  res.end();
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'api_error',
  529: 'overloaded_error',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'invalid x-api-key',
  403: 'Your API key does not have permission to use the specified resource.',
  429: 'This request would exceed the rate limit for your organization. Please try again later.',
  500: 'Internal server error',
  529: 'Overloaded',
};

/** An error in Anthropic's shape: `{type:'error', error:{type, message}, request_id}` plus headers. */
export function sendAnthropicError(
  res: ServerResponse,
  turn: ScriptedErrorTurn,
  model: string | undefined,
  requestId: string,
): void {
  const message =
    turn.message ?? DEFAULT_MESSAGES[turn.status] ?? (turn.status === 404 ? `model: ${model}` : 'error');
  const headers: Record<string, string> = { 'request-id': requestId };
  const retryAfter = turn.retryAfterSeconds ?? (turn.status === 429 ? 0 : undefined);
  if (retryAfter !== undefined) {
    headers['retry-after'] = String(retryAfter);
    if (turn.status === 429) {
      headers['anthropic-ratelimit-requests-limit'] = '50';
      headers['anthropic-ratelimit-requests-remaining'] = '0';
      headers['anthropic-ratelimit-requests-reset'] = resetAt(retryAfter);
    }
  }
  sendJson(
    res,
    turn.status,
    {
      type: 'error',
      error: { type: turn.type ?? ERROR_TYPES[turn.status] ?? 'api_error', message },
      request_id: requestId,
    },
    { ...headers, ...turn.headers },
  );
}

/** `POST /v1/messages/count_tokens`: a stable estimate (4 characters per token) of the request. */
export function countTokens(body: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(body ?? {}).length / 4));
}
