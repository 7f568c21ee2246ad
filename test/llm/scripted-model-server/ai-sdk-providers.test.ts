import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, embedMany, generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ScriptedModelServer,
  scriptedEmbedding,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';

/** The real AI SDK providers (Anthropic, OpenAI Responses and Chat, OpenAI-compatible) against the server. */
let server: ScriptedModelServer;

beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

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

const anthropic = () => createAnthropic({ baseURL: `${server.url}/v1`, apiKey: 'sk-ant-test-abcd' });
const openai = () => createOpenAI({ baseURL: `${server.url}/v1`, apiKey: 'sk-test-wxyz' });
const compatible = () =>
  createOpenAICompatible({ name: 'local', baseURL: `${server.url}/v1`, apiKey: 'none', includeUsage: true });

const models = {
  anthropic: () => anthropic()('claude-sonnet-4-6'),
  'openai responses': () => openai().responses('gpt-5-mini'),
  'openai chat': () => openai().chat('gpt-5-mini'),
  'openai-compatible': () => compatible().chatModel('qwen3:8b'),
};
const apiOf = {
  anthropic: 'anthropic',
  'openai responses': 'responses',
  'openai chat': 'chat',
  'openai-compatible': 'chat',
};

describe.each(Object.keys(models) as Array<keyof typeof models>)('AI SDK %s provider', (name) => {
  const model = models[name];

  it('generates scripted text with its usage and response headers', async () => {
    server.push({
      kind: 'text',
      text: 'scripted hello',
      usage: { inputTokens: 17, outputTokens: 3 },
      headers: { 'x-ratelimit-remaining-requests': '41' },
    });
    const result = await generateText({ model: model(), prompt: 'Say hello', maxRetries: 0 });
    expect(result.text).toBe('scripted hello');
    expect(result.usage.inputTokens).toBe(17);
    expect(result.usage.outputTokens).toBe(3);
    expect(result.response.headers?.['x-ratelimit-remaining-requests']).toBe('41');
    expect(server.scriptedRequests).toHaveLength(1);
    expect(server.scriptedRequests[0]).toMatchObject({ api: apiOf[name], stream: false });
  });

  it('streams scripted text', async () => {
    server.push({
      kind: 'text',
      text: 'streamed words arrive in several deltas',
      usage: { outputTokens: 6 },
    });
    const result = streamText({ model: model(), prompt: 'Stream', maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('streamed words arrive in several deltas');
    expect(deltas.length).toBeGreaterThan(1);
    expect((await result.usage).outputTokens).toBe(6);
    expect(server.scriptedRequests[0]?.stream).toBe(true);
  });

  it('round-trips a tool call and sends the tool result back', async () => {
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
    expect(JSON.stringify(server.scriptedRequests[1]?.body)).toContain('table orders has 3 columns');
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

  it('returns structured output from a json turn', async () => {
    server.push({ kind: 'json', value: { name: 'orders', rows: 3 } });
    const result = await generateText({
      model: model(),
      prompt: 'Describe as JSON',
      output: Output.object({ schema: z.object({ name: z.string(), rows: z.number() }) }),
      maxRetries: 0,
    });
    expect(result.output).toEqual({ name: 'orders', rows: 3 });
  });

  it('surfaces malformed tool-call JSON as an invalid tool call', async () => {
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: '{"table": "orders"' }] },
      { kind: 'text', text: 'gave up' },
    );
    const result = await generateText({
      model: model(),
      prompt: 'Describe orders',
      tools: { lookup_table: lookupTool([]) },
      stopWhen: stepCountIs(2),
      maxRetries: 0,
    });
    const [first] = result.steps;
    const call = first?.content.find((part) => part.type === 'tool-call');
    expect(call && 'invalid' in call && call.invalid).toBe(true);
  });

  it('maps scripted HTTP errors to an APICallError with status and headers', async () => {
    server.push({ kind: 'error', status: 429, retryAfterSeconds: 7 });
    const error = await generateText({ model: model(), prompt: 'x', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.responseHeaders?.['retry-after']).toBe('7');
    expect(apiError.isRetryable).toBe(true);
  });

  it('aborts a hanging stream and the server sees the disconnect', async () => {
    server.push({ kind: 'hang', text: 'partial' });
    const controller = new AbortController();
    const result = streamText({ model: model(), prompt: 'x', abortSignal: controller.signal, maxRetries: 0 });
    let text = '';
    const error = await (async () => {
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          text += part.text;
          controller.abort();
        }
        if (part.type === 'abort' || part.type === 'error') return part;
      }
      return undefined;
    })().catch((e: unknown) => e);
    expect(text).toBe('partial');
    expect(error).toBeDefined();
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly).toBe(true);
  });
});

describe('scripted model server behaviour seen through the AI SDK', () => {
  it('fails loudly when the script is exhausted', async () => {
    const error = await generateText({
      model: anthropic()('claude-sonnet-4-6'),
      prompt: 'x',
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error) && error.statusCode).toBe(500);
    expect(String((error as Error).message)).toContain('script exhausted');
  });

  it.each([
    [401, 'authentication_error'],
    [404, 'not_found_error'],
    [529, 'overloaded_error'],
  ])('sends Anthropic %s errors in the provider shape (%s)', async (status, type) => {
    server.push({ kind: 'error', status: status as 401 | 404 | 529 });
    const error = (await generateText({
      model: anthropic()('claude-nope-1'),
      prompt: 'x',
      maxRetries: 0,
    }).catch((e: unknown) => e)) as APICallError;
    expect(error.statusCode).toBe(status);
    expect(JSON.parse(error.responseBody ?? '{}')).toMatchObject({ type: 'error', error: { type } });
  });

  it('sends OpenAI 404 unknown-model errors in the provider shape', async () => {
    server.push({ kind: 'error', status: 404 });
    const error = (await generateText({
      model: openai().responses('gpt-nope'),
      prompt: 'x',
      maxRetries: 0,
    }).catch((e: unknown) => e)) as APICallError;
    expect(error.statusCode).toBe(404);
    expect(JSON.parse(error.responseBody ?? '{}')).toMatchObject({ error: { code: 'model_not_found' } });
    expect(error.message).toContain('gpt-nope');
  });

  it('serves a delayed turn after the delay', async () => {
    server.push({ kind: 'delay', ms: 150, turn: { kind: 'text', text: 'late' } });
    const started = performance.now();
    const result = await generateText({ model: openai().chat('gpt-5-mini'), prompt: 'x', maxRetries: 0 });
    expect(result.text).toBe('late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('lets the AI SDK retry a 429 into the next turn', async () => {
    server.push({ kind: 'error', status: 429, retryAfterSeconds: 0 }, { kind: 'text', text: 'second try' });
    const result = await generateText({
      model: anthropic()('claude-sonnet-4-6'),
      prompt: 'x',
      maxRetries: 1,
    });
    expect(result.text).toBe('second try');
    expect(server.scriptedRequests).toHaveLength(2);
    expect(server.pending).toEqual([]);
  });

  it('works without the /v1 prefix and redacts credentials', async () => {
    server.push({ kind: 'text', text: 'no prefix' });
    const bare = createOpenAI({ baseURL: server.url, apiKey: 'sk-secret-9876' });
    const result = await generateText({ model: bare.chat('gpt-5-mini'), prompt: 'x', maxRetries: 0 });
    expect(result.text).toBe('no prefix');
    expect(server.requests[0]).toMatchObject({ path: '/chat/completions', api: 'chat' });
    expect(server.requests[0]?.headers.authorization).toBe('…9876');
    expect(JSON.stringify(server.requests)).not.toContain('sk-secret');
  });

  it('computes deterministic embeddings where shared words mean closeness', async () => {
    const model = openai().embedding('text-embedding-3-small');
    const texts = ['monthly revenue by region', 'revenue by region last month', 'customer churn cohort'];
    const { embeddings } = await embedMany({ model, values: texts, maxRetries: 0 });
    expect(embeddings[0]).toHaveLength(64);
    expect(embeddings[0]![0]).toBeCloseTo(scriptedEmbedding(texts[0]!, 64)[0]!, 6);
    const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
    expect(cosine(embeddings[0]!, embeddings[1]!)).toBeGreaterThan(0.5);
    expect(Math.abs(cosine(embeddings[0]!, embeddings[2]!))).toBeLessThan(0.3);
    expect(server.scriptedRequests).toHaveLength(0);
    expect(server.requests[0]).toMatchObject({ api: 'embeddings', scripted: false });
  });

  it('honours the requested embedding dimensions and base64 encoding', async () => {
    const response = await fetch(`${server.url}/v1/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'e', input: 'orders revenue', dimensions: 8, encoding_format: 'base64' }),
    });
    const body = (await response.json()) as { data: Array<{ embedding: string }> };
    const bytes = Buffer.from(body.data[0]!.embedding, 'base64');
    const decoded = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    expect(Array.from(decoded).map((v) => Number(v.toFixed(5)))).toEqual(
      scriptedEmbedding('orders revenue', 8).map((v) => Number(v.toFixed(5))),
    );
  });

  it('answers model lists and token counts without consuming turns', async () => {
    server.push({ kind: 'text', text: 'kept' });
    const list = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    expect(list.data.map((model) => model.id)).toContain('claude-sonnet-4-6');
    const count = await fetch(`${server.url}/v1/messages/count_tokens`, {
      method: 'POST',
      body: JSON.stringify({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(((await count.json()) as { input_tokens: number }).input_tokens).toBeGreaterThan(0);
    const unknown = await fetch(`${server.url}/v1/something/else`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(server.pending).toHaveLength(1);
    expect(server.requests.map((request) => request.api)).toEqual(['other', 'anthropic', 'other']);
  });
});
