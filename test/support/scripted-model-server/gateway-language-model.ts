import type { ServerResponse } from 'node:http';
import { sendJson, startEventStream, writeEvent } from './http-helpers.js';
import { chunkArguments, chunkText, type Reply } from './reply.js';
import type { ScriptedErrorTurn } from './types.js';

/**
 * Vercel AI Gateway's own protocol, as `@ai-sdk/gateway` 3.x (`createGateway` from `ai`) speaks it:
 * `POST {baseURL}/language-model` with the AI SDK call options as the JSON body (prompt, tools,
 * toolChoice, responseFormat, providerOptions, …) and the model in headers
 * (`ai-language-model-id`, `ai-language-model-specification-version: 3`,
 * `ai-language-model-streaming: true|false`). The answer is the language-model spec v3 result
 * itself: a JSON `{content, finishReason, usage, providerMetadata, warnings}`, or an SSE stream whose
 * every `data:` line is one v3 stream part. Errors are `{error: {message, type, param, code}}` with
 * the gateway's own types, which the client turns into `Gateway*Error` classes.
 */

interface GatewayContext {
  /** The gateway id, `provider/model` (e.g. `anthropic/claude-sonnet-4-6`). */
  model: string;
  generationId: string;
}

/** Usage the way the upstream AI SDK provider reports it (Anthropic: `total` includes cache tokens). */
function usageFields(reply: Reply) {
  const cacheRead = reply.usage.cacheReadTokens ?? 0;
  const cacheWrite = reply.usage.cacheWriteTokens ?? 0;
  return {
    inputTokens: {
      total: reply.usage.inputTokens + cacheRead + cacheWrite,
      noCache: reply.usage.inputTokens,
      cacheRead,
      cacheWrite,
    },
    outputTokens: { total: reply.usage.outputTokens, text: reply.usage.outputTokens, reasoning: 0 },
  };
}

/** The unified reason plus the upstream's raw one (Anthropic names for `anthropic/*`, OpenAI's otherwise). */
function finishReason(reply: Reply, model: string) {
  const anthropic = model.startsWith('anthropic/');
  switch (reply.stop) {
    case 'tool_use':
      return { unified: 'tool-calls', raw: anthropic ? 'tool_use' : 'tool_calls' };
    case 'max_tokens':
      return { unified: 'length', raw: anthropic ? 'max_tokens' : 'length' };
    case 'end':
      return { unified: 'stop', raw: anthropic ? 'end_turn' : 'stop' };
  }
}

/** `providerMetadata.gateway`: routing and cost facts the real gateway attaches to every answer. */
function providerMetadata(context: GatewayContext) {
  const [provider = 'unknown'] = context.model.split('/');
  return {
    gateway: {
      routing: {
        originalModelId: context.model,
        resolvedProvider: provider,
        canonicalSlug: context.model,
        finalProvider: provider,
        modelAttemptCount: 1,
      },
      cost: '0',
      generationId: context.generationId,
    },
  };
}

function responseHeaders(reply: Reply, context: GatewayContext): Record<string, string> {
  return { 'x-vercel-id': `scripted::${context.generationId}`, ...reply.headers };
}

export function sendGatewayResult(res: ServerResponse, reply: Reply, context: GatewayContext): void {
  const content: unknown[] = [];
  if (reply.text) content.push({ type: 'text', text: reply.text });
  for (const call of reply.toolCalls) {
    // `input` is the arguments text exactly as the model produced it, so malformed JSON stays malformed.
    content.push({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
  }
  sendJson(
    res,
    200,
    {
      content,
      finishReason: finishReason(reply, context.model),
      usage: usageFields(reply),
      providerMetadata: providerMetadata(context),
      response: { id: context.generationId, modelId: context.model, timestamp: new Date().toISOString() },
      warnings: [],
    },
    responseHeaders(reply, context),
  );
}

/** Streams v3 stream parts; with `hang` it stops after the text deltas and leaves the response open. */
export function streamGatewayResult(
  res: ServerResponse,
  reply: Reply,
  context: GatewayContext,
  hang = false,
): void {
  startEventStream(res, responseHeaders(reply, context));
  const part = (value: Record<string, unknown>) => writeEvent(res, undefined, value);
  part({ type: 'stream-start', warnings: [] });
  part({
    type: 'response-metadata',
    id: context.generationId,
    modelId: context.model,
    timestamp: new Date().toISOString(),
  });
  if (reply.text || hang) {
    part({ type: 'text-start', id: '0' });
    for (const delta of chunkText(reply.text)) part({ type: 'text-delta', id: '0', delta });
    if (hang) return;
    part({ type: 'text-end', id: '0' });
  }
  for (const call of reply.toolCalls) {
    part({ type: 'tool-input-start', id: call.id, toolName: call.name });
    for (const delta of chunkArguments(call.arguments))
      part({ type: 'tool-input-delta', id: call.id, delta });
    part({ type: 'tool-input-end', id: call.id });
    part({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
  }
  part({
    type: 'finish',
    finishReason: finishReason(reply, context.model),
    usage: usageFields(reply),
    providerMetadata: providerMetadata(context),
  });
  res.end();
}

/** The gateway's error types, each mapped by `@ai-sdk/gateway` to its own error class. */
const ERRORS: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request' },
  401: { type: 'authentication_error', message: 'Invalid API key' },
  403: { type: 'forbidden', message: 'Forbidden' },
  413: { type: 'invalid_request_error', message: 'Request too large' },
  429: { type: 'rate_limit_exceeded', message: 'Rate limit exceeded' },
  500: { type: 'internal_server_error', message: 'Internal server error' },
  503: { type: 'internal_server_error', message: 'Service unavailable' },
  529: { type: 'internal_server_error', message: 'Upstream provider overloaded' },
};

/**
 * `{error: {message, type, param, code}}`, like the gateway's recorded live 404 body (no
 * `generationId`: the client would append it to the message). A 404 is `model_not_found` with
 * `param: {modelId}` (the client reads it into `GatewayModelNotFoundError.modelId`). The client
 * replaces an `authentication_error` message with its own text about the API key or OIDC token.
 */
export function sendGatewayError(
  res: ServerResponse,
  turn: ScriptedErrorTurn,
  model: string | undefined,
  requestId: string,
): void {
  const modelId = model ?? 'unknown/model';
  const known =
    turn.status === 404
      ? { type: 'model_not_found', message: `Model '${modelId}' not found` }
      : (ERRORS[turn.status] ?? { type: 'internal_server_error', message: 'error' });
  const type = turn.type ?? known.type;
  const headers: Record<string, string> = { 'x-vercel-id': `scripted::${requestId}` };
  const retryAfter = turn.retryAfterSeconds ?? (turn.status === 429 ? 0 : undefined);
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  sendJson(
    res,
    turn.status,
    {
      error: {
        message: turn.message ?? known.message,
        type,
        param: type === 'model_not_found' ? { modelId } : null,
        code: turn.code ?? null,
      },
    },
    { ...headers, ...turn.headers },
  );
}

/** `GET {baseURL}/config`: the model catalogue `gateway.getAvailableModels()` reads. */
export function gatewayModelCatalogue(ids: string[]) {
  return {
    models: ids
      .filter((id) => id.includes('/'))
      .map((id) => {
        const [provider = 'unknown', ...rest] = id.split('/');
        return {
          id,
          name: rest.join('/') || id,
          description: null,
          pricing: { input: '0', output: '0' },
          specification: { specificationVersion: 'v3', provider, modelId: rest.join('/') },
          modelType: 'language',
        };
      }),
  };
}
