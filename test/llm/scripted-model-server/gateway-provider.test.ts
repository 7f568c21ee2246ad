import { APICallError, createGateway, generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';

/**
 * The real `@ai-sdk/gateway` provider (`createGateway` from `ai`, as src/llm/ai-sdk uses it) against the
 * scripted server's AI Gateway protocol: `POST …/language-model`, model and streaming flag in headers,
 * the v3 call options as the body, v3 results and stream parts back, gateway error bodies.
 */
let server: ScriptedModelServer;

beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const MODEL = 'anthropic/claude-sonnet-4-6';
// The real gateway's base URL is https://ai-gateway.vercel.sh/v3/ai; keep the same path shape.
const gateway = () => createGateway({ baseURL: `${server.url}/v3/ai`, apiKey: 'vck-test-abcd' });
const model = () => gateway()(MODEL);

function lookupTool(seen: string[]) {
  return tool({
    description: 'Describe a table',
    inputSchema: z.object({ table: z.string() }),
    execute: async ({ table }) => {
      seen.push(table);
      return `table ${table} has 3 columns`;
    },
  });
}

/**
 * The fields every `Gateway*Error` carries. `ai` re-exports `createGateway` but not the error classes,
 * and ktx depends on `ai` only, so errors are recognised by name (the classes set it) and type.
 */
interface GatewayErrorFields extends Error {
  type: string;
  statusCode: number;
  isRetryable: boolean;
  modelId?: string;
}

function gatewayError(error: unknown, name: string): GatewayErrorFields {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe(name);
  return error as GatewayErrorFields;
}

/** The APICallError the gateway error wraps: it holds the raw HTTP body and headers. */
function wireError(error: unknown): APICallError {
  const cause = (error as { cause?: unknown }).cause;
  expect(APICallError.isInstance(cause)).toBe(true);
  return cause as APICallError;
}

describe('AI SDK gateway provider against the scripted server', () => {
  it('generates text: request on the gateway protocol, v3 result with usage and headers back', async () => {
    server.push({
      kind: 'text',
      text: 'scripted hello',
      usage: { inputTokens: 17, outputTokens: 3 },
      headers: { 'x-ratelimit-remaining-requests': '41' },
    });
    const result = await generateText({
      model: model(),
      system: 'You are terse.',
      prompt: 'Say hello',
      maxRetries: 0,
    });
    expect(result.text).toBe('scripted hello');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(17);
    expect(result.usage.outputTokens).toBe(3);
    expect(result.response.headers?.['x-ratelimit-remaining-requests']).toBe('41');
    expect(result.providerMetadata?.gateway).toMatchObject({ routing: { finalProvider: 'anthropic' } });

    const [request] = server.scriptedRequests;
    expect(request).toMatchObject({
      api: 'gateway',
      method: 'POST',
      path: '/v3/ai/language-model',
      model: MODEL,
      stream: false,
    });
    expect(request?.headers).toMatchObject({
      authorization: '…abcd',
      'ai-gateway-auth-method': 'api-key',
      'ai-gateway-protocol-version': '0.0.1',
      'ai-language-model-specification-version': '3',
      'ai-language-model-id': MODEL,
      'ai-language-model-streaming': 'false',
    });
    // The body is the call options themselves: the prompt in the AI SDK's own message format.
    const body = request?.body as { prompt: unknown[]; abortSignal?: unknown };
    expect(body.prompt).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: [{ type: 'text', text: 'Say hello' }] },
    ]);
    expect(body).not.toHaveProperty('abortSignal');
  });

  it('streams text as v3 stream parts', async () => {
    server.push({
      kind: 'text',
      text: 'streamed words arrive in several deltas',
      usage: { inputTokens: 12, outputTokens: 6, cacheReadTokens: 4 },
    });
    const result = streamText({ model: model(), prompt: 'Stream', maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('streamed words arrive in several deltas');
    expect(deltas.length).toBeGreaterThan(1);
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(6);
    // Anthropic-style accounting, as the gateway's upstream provider reports it: total includes cache reads.
    expect(usage.inputTokens).toBe(16);
    expect(usage.inputTokenDetails.cacheReadTokens).toBe(4);
    expect((await result.response).modelId).toBe(MODEL);
    expect(server.scriptedRequests[0]).toMatchObject({ api: 'gateway', stream: true });
    expect(server.scriptedRequests[0]?.headers['ai-language-model-streaming']).toBe('true');
  });

  it('round-trips a tool call and sends the tool result back in the next prompt', async () => {
    const seen: string[] = [];
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: { table: 'orders' } }] },
      { kind: 'text', text: 'orders has 3 columns' },
    );
    const result = await generateText({
      model: model(),
      prompt: 'Describe orders',
      tools: { lookup_table: lookupTool(seen) },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(seen).toEqual(['orders']);
    expect(result.text).toBe('orders has 3 columns');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    const first = server.scriptedRequests[0]?.body as { tools: Array<{ type: string; name: string }> };
    expect(first.tools.map((offered) => [offered.type, offered.name])).toEqual([
      ['function', 'lookup_table'],
    ]);
    const second = server.scriptedRequests[1]?.body as { prompt: Array<{ role: string }> };
    expect(second.prompt.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(JSON.stringify(second)).toContain('table orders has 3 columns');
  });

  it('streams several tool calls in one turn', async () => {
    const seen: string[] = [];
    server.push(
      {
        kind: 'tool_calls',
        calls: [
          { name: 'lookup_table', input: { table: 'orders' } },
          { name: 'lookup_table', input: { table: 'customers' } },
        ],
      },
      { kind: 'text', text: 'done' },
    );
    const result = streamText({
      model: model(),
      prompt: 'Describe both',
      tools: { lookup_table: lookupTool(seen) },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(await result.text).toBe('done');
    expect(seen.sort()).toEqual(['customers', 'orders']);
  });

  it('returns structured output from a json turn; the request carries the JSON response format', async () => {
    server.push({ kind: 'json', value: { name: 'orders', rows: 3 } });
    const result = await generateText({
      model: model(),
      prompt: 'Describe as JSON',
      output: Output.object({ schema: z.object({ name: z.string(), rows: z.number() }) }),
      maxRetries: 0,
    });
    expect(result.output).toEqual({ name: 'orders', rows: 3 });
    const body = server.scriptedRequests[0]?.body as { responseFormat?: { type: string; schema?: unknown } };
    expect(body.responseFormat?.type).toBe('json');
    expect(JSON.stringify(body.responseFormat?.schema)).toContain('rows');
  });

  it.each([false, true])(
    'surfaces malformed tool-call JSON as an invalid tool call (stream %s)',
    async (stream) => {
      server.push(
        { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: '{"table": "orders"' }] },
        { kind: 'text', text: 'gave up' },
      );
      const options = {
        model: model(),
        prompt: 'Describe orders',
        tools: { lookup_table: lookupTool([]) },
        stopWhen: stepCountIs(2),
        maxRetries: 0,
      };
      const steps = stream ? await streamText(options).steps : (await generateText(options)).steps;
      const call = steps[0]?.content.find((part) => part.type === 'tool-call');
      expect(call && 'invalid' in call && call.invalid).toBe(true);
      expect(call?.input).toBe('{"table": "orders"');
    },
  );

  it('a 401 is a GatewayAuthenticationError from the gateway error body', async () => {
    server.push({ kind: 'error', status: 401, message: 'Invalid API key provided' });
    // The provider layer: the class, status and raw body the gateway sent.
    const error = await Promise.resolve(
      model().doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] }),
    ).catch((e: unknown) => e);
    const auth = gatewayError(error, 'GatewayAuthenticationError');
    expect(auth.type).toBe('authentication_error');
    expect(auth.statusCode).toBe(401);
    // The client words the message itself from the auth method it used (an API key here).
    expect(auth.message).toContain('AI Gateway authentication failed: Invalid API key');
    const wire = wireError(error);
    expect(JSON.parse(wire.responseBody ?? '')).toMatchObject({
      error: { message: 'Invalid API key provided', type: 'authentication_error' },
    });

    // generateText replaces it with a new Error of the same name and no cause or status code (ai's
    // wrapGatewayError; under NODE_ENV=production an AISDKError named GatewayError instead).
    server.push({ kind: 'error', status: 401 });
    const wrapped = await generateText({ model: model(), prompt: 'x', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(gatewayError(wrapped, 'GatewayAuthenticationError').message).toContain(
      'Unauthenticated request to AI Gateway',
    );
    expect((wrapped as { cause?: unknown; statusCode?: unknown }).cause).toBeUndefined();
    expect((wrapped as { statusCode?: unknown }).statusCode).toBeUndefined();
  });

  it('a 429 is a GatewayRateLimitError carrying retry-after', async () => {
    server.push({
      kind: 'error',
      status: 429,
      retryAfterSeconds: 7,
      message: 'Too many requests for this model',
    });
    const error = await generateText({ model: model(), prompt: 'x', maxRetries: 0 }).catch((e: unknown) => e);
    const rateLimit = gatewayError(error, 'GatewayRateLimitError');
    expect(rateLimit.statusCode).toBe(429);
    expect(rateLimit.message).toBe('Too many requests for this model');
    expect(rateLimit.isRetryable).toBe(true);
    const wire = wireError(error);
    expect(wire.responseHeaders?.['retry-after']).toBe('7');
    expect(JSON.parse(wire.responseBody ?? '')).toMatchObject({ error: { type: 'rate_limit_exceeded' } });
  });

  it('a 404 is a GatewayModelNotFoundError naming the model; a 400 an invalid request', async () => {
    server.push(
      { kind: 'error', status: 404 },
      { kind: 'error', status: 400, message: 'prompt is malformed' },
    );
    const missing = await generateText({
      model: gateway()('anthropic/claude-nope'),
      prompt: 'x',
      maxRetries: 0,
    }).catch((e: unknown) => e);
    const notFound = gatewayError(missing, 'GatewayModelNotFoundError');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.modelId).toBe('anthropic/claude-nope');
    expect(notFound.message).toContain("Model 'anthropic/claude-nope' not found");
    const invalid = await generateText({ model: model(), prompt: 'x', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(gatewayError(invalid, 'GatewayInvalidRequestError').message).toBe('prompt is malformed');
  });

  it('aborts a call that never answers with an AbortError; the server sees the disconnect', async () => {
    server.push({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await generateText({
      model: model(),
      prompt: 'x',
      abortSignal: controller.signal,
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly).toBe(true);
  });

  it('aborts a hanging stream after its first deltas', async () => {
    server.push({ kind: 'hang', text: 'partial' });
    const controller = new AbortController();
    const result = streamText({ model: model(), prompt: 'x', abortSignal: controller.signal, maxRetries: 0 });
    let text = '';
    let ended: string | undefined;
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') {
        text += part.text;
        controller.abort();
      }
      if (part.type === 'abort' || part.type === 'error') ended = part.type;
    }
    expect(text).toBe('partial');
    expect(ended).toBe('abort');
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly).toBe(true);
  });

  it('answers the model catalogue (getAvailableModels) without consuming a turn', async () => {
    const { models } = await gateway().getAvailableModels();
    expect(models.map((entry) => entry.id)).toContain(MODEL);
    expect(models.find((entry) => entry.id === MODEL)?.specification.provider).toBe('anthropic');
    expect(server.scriptedRequests).toHaveLength(0);
    expect(server.requests[0]).toMatchObject({ api: 'other', method: 'GET', path: '/v3/ai/config' });
  });
});
