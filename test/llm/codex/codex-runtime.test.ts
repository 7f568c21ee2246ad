import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import type { LlmRuntime, LlmRuntimeEvent } from '../../../src/llm/port.js';
import { createRateLimitGovernor } from '../../../src/llm/rate-limit-governor.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { SCRIPTED_API_KEY, SCRIPTED_CODEX_MODEL, scriptedCodexRuntime } from './codex-harness.js';

// Every test runs the real Codex CLI (through @openai/codex-sdk) against the scripted server.
let server: ScriptedModelServer;
const runtimes: LlmRuntime[] = [];

beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
  server.reset();
});

async function runtime(
  ...args: Parameters<typeof scriptedCodexRuntime> extends [string, ...infer Rest] ? Rest : never
) {
  const created = await scriptedCodexRuntime(server.url, ...args);
  runtimes.push(created);
  return created;
}

function fastGovernor() {
  return createRateLimitGovernor({ baseDelayMs: 20, maxDelayMs: 50, jitter: false, maxAttempts: 3 });
}

describe('codex runtime against the real Codex CLI', () => {
  it('generates text through the gateway provider with the configured key and reports usage', async () => {
    server.reset([{ kind: 'text', text: 'ok', usage: { inputTokens: 42, outputTokens: 7 } }]);
    const codex = await runtime();
    const metrics: unknown[] = [];
    const text = await codex.generateText({
      role: 'default',
      system: 'You answer tersely.',
      prompt: 'Reply with exactly: ok',
      onMetrics: (m) => metrics.push(m),
    });
    expect(text).toBe('ok');
    const [request] = server.scriptedRequests;
    expect(request?.api).toBe('responses');
    expect(request?.model).toBe(SCRIPTED_CODEX_MODEL);
    expect(request?.headers.authorization).toContain(SCRIPTED_API_KEY.slice(-4));
    const body = JSON.stringify(request?.body);
    expect(body).toContain('Reply with exactly: ok');
    // The system prompt travels as developer instructions, not glued onto the user prompt.
    expect(body).toContain('You answer tersely.');
    expect(metrics).toEqual([
      expect.objectContaining({
        usage: expect.objectContaining({ inputTokens: 42, outputTokens: 7, totalTokens: 49 }),
      }),
    ]);
  });

  it('offers the model no shell, no web search and no browser tools', async () => {
    server.reset([{ kind: 'text', text: 'ok' }]);
    const codex = await runtime();
    await codex.generateText({ role: 'default', prompt: 'hi' });
    const body = server.scriptedRequests[0]?.body as
      | { tools?: Array<{ name?: string; type?: string }> }
      | undefined;
    const tools = (body?.tools ?? []).map((tool) => tool.name ?? tool.type);
    for (const forbidden of ['exec_command', 'shell', 'web_search', 'view_image', 'write_stdin']) {
      expect(tools).not.toContain(forbidden);
    }
  });

  it('generates a validated object from the structured output', async () => {
    server.reset([{ kind: 'json', value: { name: 'orders', rows: 3 } }]);
    const codex = await runtime();
    const value = await codex.generateObject({
      role: 'default',
      prompt: 'Describe the table',
      schema: z.object({ name: z.string(), rows: z.number() }),
    });
    expect(value).toEqual({ name: 'orders', rows: 3 });
    // The schema went to the provider as a structured-output format.
    expect(JSON.stringify(server.scriptedRequests[0]?.body)).toContain('json_schema');
  });

  it('repairs a fenced, prose-wrapped object locally without another model call', async () => {
    server.reset([{ kind: 'text', text: 'Here it is:\n```json\n{"name": "orders", "rows": 3}\n```' }]);
    const codex = await runtime();
    const value = await codex.generateObject({
      role: 'default',
      prompt: 'Describe the table',
      schema: z.object({ name: z.string(), rows: z.number() }),
    });
    expect(value).toEqual({ name: 'orders', rows: 3 });
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('asks the repair role when local repair cannot satisfy the schema', async () => {
    server.reset([
      { kind: 'json', value: { name: 'orders', rows: 'three' } },
      { kind: 'json', value: { name: 'orders', rows: 3 } },
    ]);
    const codex = await runtime({ models: { default: SCRIPTED_CODEX_MODEL, repair: 'gpt-ktx-repair' } });
    const value = await codex.generateObject({
      role: 'default',
      prompt: 'Describe the table',
      schema: z.object({ name: z.string(), rows: z.number() }),
    });
    expect(value).toEqual({ name: 'orders', rows: 3 });
    expect(server.scriptedRequests.map((request) => request.model)).toEqual([
      SCRIPTED_CODEX_MODEL,
      'gpt-ktx-repair',
    ]);
    expect(JSON.stringify(server.scriptedRequests[1]?.body)).toContain('rows');
  });

  it('fails with llm_invalid_output when even the repair role returns a bad object', async () => {
    server.reset([
      { kind: 'json', value: { rows: 'three' } },
      { kind: 'json', value: { rows: 'still three' } },
    ]);
    const codex = await runtime();
    const error = await codex
      .generateObject({ role: 'default', prompt: 'x', schema: z.object({ rows: z.number() }) })
      .catch((e: unknown) => e);
    expect(isKtxError(error, 'llm_invalid_output')).toBe(true);
  });

  it('maps a 401 to llm_auth with a fix', async () => {
    server.reset([{ kind: 'error', status: 401, message: 'Incorrect API key provided' }]);
    const codex = await runtime();
    const error = await codex.generateText({ role: 'default', prompt: 'hi' }).catch((e: unknown) => e);
    expect(isKtxError(error, 'llm_auth')).toBe(true);
    expect((error as { fix?: string }).fix).toMatch(/codex login|OPENAI_API_KEY/);
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('maps an unknown model to llm_model_unavailable', async () => {
    server.reset([
      { kind: 'error', status: 404, code: 'model_not_found', message: 'The model `gpt-nope` does not exist' },
    ]);
    const codex = await runtime({ models: { default: 'gpt-nope' } });
    const error = await codex.generateText({ role: 'default', prompt: 'hi' }).catch((e: unknown) => e);
    expect(isKtxError(error, 'llm_model_unavailable')).toBe(true);
  });

  it('R27: without a governor a 429 is reported once, not retried', async () => {
    server.reset([{ kind: 'error', status: 429, message: 'Rate limit reached' }]);
    const codex = await runtime();
    const error = await codex.generateText({ role: 'default', prompt: 'hi' }).catch((e: unknown) => e);
    expect(isKtxError(error, 'llm_rate_limited')).toBe(true);
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('R26: a 429 pauses the shared governor, then the retry succeeds', async () => {
    server.reset([
      { kind: 'error', status: 429, message: 'Rate limit reached for requests' },
      { kind: 'text', text: 'ok' },
    ]);
    const governor = fastGovernor();
    const codex = await runtime({}, { governor });
    const events: LlmRuntimeEvent[] = [];
    const text = await codex.generateText({ role: 'default', prompt: 'hi', onEvent: (e) => events.push(e) });
    expect(text).toBe('ok');
    expect(server.scriptedRequests).toHaveLength(2);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'retry', attempt: 2, maxAttempts: 3 }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'rate_limit_wait', provider: 'codex' }));
    expect(governor.activeSlots()).toBe(0);
  });

  it('rejects model ids Codex cannot use before starting anything', async () => {
    const error = await runtime({ models: { default: 'sonnet' } }).catch((e: unknown) => e);
    expect(isKtxError(error, 'llm_config')).toBe(true);
    expect((error as { fix?: string }).fix).toMatch(/gpt-\* \/ codex-\*/);
  });

  it('resolves roles with fallback and the codex alias', async () => {
    const codex = await runtime({ models: { default: 'codex', triage: 'gpt-5.4-mini' } });
    expect(codex.modelFor('default')).toBe('gpt-5.5');
    expect(codex.modelFor('triage')).toBe('gpt-5.4-mini');
    expect(codex.modelFor('curator')).toBe('gpt-5.5');
  });
});
