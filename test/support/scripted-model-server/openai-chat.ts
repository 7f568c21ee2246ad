import type { ServerResponse } from 'node:http';
import { sendJson, startEventStream, writeEvent } from './http-helpers.js';
import { chunkArguments, chunkText, type Reply } from './reply.js';

/**
 * OpenAI Chat Completions (`POST /v1/chat/completions`), streaming and not. As the real API does, a
 * stream carries usage only when the request asked for it with `stream_options.include_usage`.
 */

interface ChatContext {
  model: string;
  completionId: string;
  requestId: string;
  includeUsage: boolean;
}

function usageFields(reply: Reply) {
  const prompt = reply.usage.inputTokens;
  const completion = reply.usage.outputTokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: reply.usage.cacheReadTokens ?? 0 },
  };
}

function finishReason(reply: Reply): string {
  return reply.stop === 'tool_use' ? 'tool_calls' : reply.stop === 'max_tokens' ? 'length' : 'stop';
}

export function sendChatCompletion(res: ServerResponse, reply: Reply, context: ChatContext): void {
  const message: Record<string, unknown> = { role: 'assistant', content: reply.text || null, refusal: null };
  if (reply.toolCalls.length > 0) {
    message.tool_calls = reply.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  sendJson(
    res,
    200,
    {
      id: context.completionId,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: context.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(reply) }],
      usage: usageFields(reply),
    },
    { 'x-request-id': context.requestId, ...reply.headers },
  );
}

/** Streams the reply; with `hang` it stops after the text deltas and leaves the response open. */
export function streamChatCompletion(
  res: ServerResponse,
  reply: Reply,
  context: ChatContext,
  hang = false,
): void {
  startEventStream(res, { 'x-request-id': context.requestId, ...reply.headers });
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    writeEvent(res, undefined, {
      id: context.completionId,
      object: 'chat.completion.chunk',
      created,
      model: context.model,
      choices,
      ...extra,
    });
  const delta = (fields: Record<string, unknown>, finish: string | null = null) =>
    chunk([{ index: 0, delta: fields, logprobs: null, finish_reason: finish }]);

  delta({ role: 'assistant', content: '' });
  for (const text of chunkText(reply.text)) delta({ content: text });
  if (hang) return;
  reply.toolCalls.forEach((call, index) => {
    delta({
      tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
    });
    for (const part of chunkArguments(call.arguments)) {
      delta({ tool_calls: [{ index, function: { arguments: part } }] });
    }
  });
  delta({}, finishReason(reply));
  if (context.includeUsage) chunk([], { usage: usageFields(reply) });
  writeEvent(res, undefined, '[DONE]');
  res.end();
}
