import type { ServerResponse } from 'node:http';
import { sendJson, startEventStream, writeEvent } from './http-helpers.js';
import { chunkArguments, chunkText, type Reply, type ReplyToolCall } from './reply.js';

/**
 * The OpenAI Responses API (`POST /v1/responses`) as the Codex CLI and @ai-sdk/openai read it
 * (https://platform.openai.com/docs/api-reference/responses-streaming). Output items: one assistant
 * message when there is text, then one `function_call` item per tool call.
 */

interface ResponseContext {
  model: string;
  responseId: string;
  requestId: string;
  nextId: (prefix: string) => string;
}

function usageFields(reply: Reply) {
  const input = reply.usage.inputTokens;
  const output = reply.usage.outputTokens;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: reply.usage.cacheReadTokens ?? 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

function responseObject(context: ResponseContext, status: string, output: unknown[], reply?: Reply) {
  return {
    id: context.responseId,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    error: null,
    incomplete_details: reply?.stop === 'max_tokens' ? { reason: 'max_output_tokens' } : null,
    instructions: null,
    max_output_tokens: null,
    model: context.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: reply ? usageFields(reply) : null,
    metadata: {},
  };
}

/** The finished output items, with the ids the stream announced. */
function outputItems(reply: Reply, messageId: string, callItemIds: string[]) {
  const items: Array<Record<string, unknown>> = [];
  if (reply.text) {
    items.push({
      type: 'message',
      id: messageId,
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: reply.text, annotations: [], logprobs: [] }],
    });
  }
  reply.toolCalls.forEach((call, i) => {
    items.push(callItem(call, callItemIds[i]!, 'completed'));
  });
  return items;
}

function callItem(call: ReplyToolCall, itemId: string, status: string): Record<string, unknown> {
  if (call.toolSearch) {
    // Codex runs tool_search itself (`execution: 'client'`) and reads `arguments` as an object.
    return {
      type: 'tool_search_call',
      id: itemId,
      call_id: call.id,
      status,
      execution: 'client',
      arguments: parseObject(call.arguments),
    };
  }
  return {
    type: 'function_call',
    id: itemId,
    call_id: call.id,
    ...(call.namespace ? { namespace: call.namespace } : {}),
    name: call.name,
    arguments: status === 'completed' ? call.arguments : '',
    status,
  };
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { query: text };
  }
}

function finalStatus(reply: Reply): string {
  return reply.stop === 'max_tokens' ? 'incomplete' : 'completed';
}

export function sendResponse(res: ServerResponse, reply: Reply, context: ResponseContext): void {
  const messageId = context.nextId('msg_');
  const callItemIds = reply.toolCalls.map((call) => context.nextId(call.toolSearch ? 'tsc_' : 'fc_'));
  const output = outputItems(reply, messageId, callItemIds);
  sendJson(res, 200, responseObject(context, finalStatus(reply), output, reply), {
    'x-request-id': context.requestId,
    ...reply.headers,
  });
}

/** Streams the reply; with `hang` it stops after the text deltas and leaves the response open. */
export function streamResponse(
  res: ServerResponse,
  reply: Reply,
  context: ResponseContext,
  hang = false,
): void {
  startEventStream(res, { 'x-request-id': context.requestId, ...reply.headers });
  let sequence = 0;
  const emit = (type: string, fields: Record<string, unknown>) =>
    writeEvent(res, type, { type, sequence_number: sequence++, ...fields });
  const messageId = context.nextId('msg_');
  const callItemIds = reply.toolCalls.map((call) => context.nextId(call.toolSearch ? 'tsc_' : 'fc_'));
  const output = outputItems(reply, messageId, callItemIds);

  emit('response.created', { response: responseObject(context, 'in_progress', []) });
  emit('response.in_progress', { response: responseObject(context, 'in_progress', []) });
  let outputIndex = 0;
  if (reply.text || hang) {
    const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
    const base = { item_id: messageId, output_index: outputIndex, content_index: 0 };
    emit('response.output_item.added', {
      output_index: outputIndex,
      item: { type: 'message', id: messageId, status: 'in_progress', role: 'assistant', content: [] },
    });
    emit('response.content_part.added', { ...base, part });
    for (const delta of chunkText(reply.text))
      emit('response.output_text.delta', { ...base, delta, logprobs: [] });
    if (hang) return;
    emit('response.output_text.done', { ...base, text: reply.text, logprobs: [] });
    emit('response.content_part.done', { ...base, part: { ...part, text: reply.text } });
    emit('response.output_item.done', { output_index: outputIndex, item: output[outputIndex] });
    outputIndex += 1;
  }
  reply.toolCalls.forEach((call, i) => {
    const itemId = callItemIds[i]!;
    emit('response.output_item.added', {
      output_index: outputIndex,
      item: callItem(call, itemId, 'in_progress'),
    });
    if (call.toolSearch) {
      emit('response.output_item.done', { output_index: outputIndex, item: output[outputIndex] });
      outputIndex += 1;
      return;
    }
    for (const delta of chunkArguments(call.arguments)) {
      emit('response.function_call_arguments.delta', { item_id: itemId, output_index: outputIndex, delta });
    }
    emit('response.function_call_arguments.done', {
      item_id: itemId,
      output_index: outputIndex,
      name: call.name,
      arguments: call.arguments,
    });
    emit('response.output_item.done', { output_index: outputIndex, item: output[outputIndex] });
    outputIndex += 1;
  });
  const status = finalStatus(reply);
  emit(status === 'completed' ? 'response.completed' : 'response.incomplete', {
    response: responseObject(context, status, output, reply),
  });
  res.end();
}
