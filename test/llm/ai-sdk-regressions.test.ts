import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../src/core/index.js';
import { createAiSdkRuntime } from '../../src/llm/ai-sdk/ai-sdk-runtime.js';
import {
  createLlmRuntime,
  createRateLimitGovernor,
  describeIgnoredLlmSettings,
  isAbortError,
  probeLlm,
  type ResolvedLlmConfig,
} from '../../src/llm/index.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../support/scripted-model-server/index.js';
import { DEFAULT_PROMPT_CACHING } from './contract/backend-harnesses.js';

function anthropicConfig(url: string, extra: Partial<ResolvedLlmConfig> = {}): ResolvedLlmConfig {
  return {
    backend: 'anthropic',
    models: { default: 'claude-sonnet-4-6' },
    apiKey: 'sk-ant-secret-value-1234',
    baseUrl: `${url}/v1`,
    promptCaching: DEFAULT_PROMPT_CACHING,
    projectDir: process.cwd(),
    env: {},
    ...extra,
  };
}

const lookup = {
  lookup_table: {
    name: 'lookup_table',
    description: 'Describe one table.',
    inputSchema: z.object({ table: z.string() }),
    execute: async ({ table }: { table: string }) => `table ${table}`,
  },
};

describe('AI SDK runtime regressions', () => {
  let server: ScriptedModelServer;
  beforeAll(async () => {
    server = await startScriptedModelServer();
  });
  afterAll(async () => server?.close());
  beforeEach(() => server.reset());

  it('R2/R4: instructions go to the top-level system, never into the messages', async () => {
    server.push({ kind: 'text', text: 'ok' });
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    await llm.generateText({ role: 'default', system: 'Static instructions.', prompt: 'Per-document text.' });
    const body = server.scriptedRequests[0]?.body as {
      system: Array<{ text: string }>;
      messages: Array<{ role: string }>;
    };
    expect(body.system[0]?.text).toBe('Static instructions.');
    expect(body.messages.map((message) => message.role)).toEqual(['user']);
    expect(JSON.stringify(body.messages)).not.toContain('Static instructions.');
  });

  it('R3: a single-message call still marks the user message, plus system and tools, with the configured TTLs', async () => {
    server.push({ kind: 'text', text: 'done' });
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    await llm.runAgentLoop({ role: 'default', system: 's', prompt: 'p', tools: lookup, stepBudget: 3 });
    const body = server.scriptedRequests[0]?.body as {
      system: Array<{ cache_control?: { ttl: string } }>;
      messages: Array<{ content: Array<{ cache_control?: { ttl: string } }> }>;
      tools: Array<{ cache_control?: { ttl: string } }>;
    };
    expect(body.system[0]?.cache_control?.ttl).toBe('1h');
    expect(body.tools.at(-1)?.cache_control?.ttl).toBe('1h');
    expect(body.messages[0]?.content[0]?.cache_control?.ttl).toBe('5m');
    expect(server.scriptedRequests[0]?.headers['anthropic-beta']).toContain('extended-cache-ttl');
  });

  it('moves a rolling history breakpoint to the newest message on later loop steps', async () => {
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: { table: 'a' } }] },
      { kind: 'text', text: 'done' },
    );
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    await llm.runAgentLoop({ role: 'default', system: 's', prompt: 'p', tools: lookup, stepBudget: 3 });
    const second = server.scriptedRequests[1]?.body as {
      messages: Array<{ content: Array<{ cache_control?: unknown }> }>;
    };
    const marked = second.messages.filter((message) => message.content.some((part) => part.cache_control));
    expect(marked.length).toBe(2);
    expect(second.messages.at(-1)?.content.some((part) => part.cache_control)).toBe(true);
  });

  it('Vertex falls back to 5m TTLs when vertexFallbackTo5m is on, and sends no beta header', async () => {
    server.push({ kind: 'text', text: 'ok' });
    const { vertexToMessagesFetch } = await import('./contract/backend-harnesses.js');
    const llm = await createLlmRuntime(
      {
        ...anthropicConfig(server.url),
        backend: 'vertex',
        vertex: { location: 'us-east5', project: 'p' },
        baseUrl: `${server.url}/vx`,
      },
      { fetch: vertexToMessagesFetch(server.url), vertexAccessToken: async () => 'token' },
    );
    await llm.generateText({ role: 'default', system: 's', prompt: 'p' });
    const request = server.scriptedRequests[0];
    expect(JSON.stringify(request?.body)).not.toContain('"1h"');
    expect(request?.headers['anthropic-beta']).toBeUndefined();
    expect(describeIgnoredLlmSettings({ ...anthropicConfig(server.url), backend: 'vertex' })).toEqual([
      'vertex sends every cache TTL as 5m because llm.promptCaching.vertexFallbackTo5m is on.',
    ]);
  });

  it('R1: gateway requests carry the extended-cache-ttl beta header (captured at the transport)', async () => {
    const seen: Array<Record<string, string>> = [];
    const capture = (async (_input: unknown, init?: RequestInit) => {
      seen.push(Object.fromEntries(new Headers(init?.headers).entries()));
      return new Response(
        JSON.stringify({ error: { message: 'Invalid API key', type: 'authentication_error' } }),
        {
          status: 401,
          headers: { 'content-type': 'application/json' },
        },
      );
    }) as typeof fetch;
    const llm = await createLlmRuntime(
      {
        ...anthropicConfig('http://127.0.0.1:9'),
        backend: 'gateway',
        models: { default: 'anthropic/claude-sonnet-4-6' },
      },
      { fetch: capture },
    );
    const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((error: unknown) => error);
    expect(seen.some((headers) => headers['anthropic-beta']?.includes('extended-cache-ttl'))).toBe(true);
    expect(isKtxError(failure, 'llm_auth')).toBe(true);
  });

  it('R6: the AI SDK factory refuses a backend it does not serve instead of falling through', async () => {
    const failure = await createAiSdkRuntime({ ...anthropicConfig(server.url), backend: 'codex' }).catch(
      (e: unknown) => e,
    );
    expect(isKtxError(failure, 'internal')).toBe(true);
    expect((failure as Error).message).toMatch(/codex is not an AI SDK backend/);
  });

  it('R25: createLlmRuntime rejects an unsupported model id before any call', async () => {
    const failure = await createLlmRuntime({
      ...anthropicConfig(server.url),
      backend: 'codex',
      models: { default: 'sonnet' },
    }).catch((e: unknown) => e);
    expect(isKtxError(failure, 'llm_config')).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('R27: with a disabled governor a 429 is not retried', async () => {
    server.push({ kind: 'error', status: 429, retryAfterSeconds: 1 }, { kind: 'text', text: 'never' });
    const llm = await createLlmRuntime(anthropicConfig(server.url), {
      governor: createRateLimitGovernor({ enabled: false }),
    });
    const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
    expect(isKtxError(failure, 'llm_rate_limited')).toBe(true);
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('R27: the retry budget bounds attempts and the error names them', async () => {
    server.push(
      ...Array.from({ length: 3 }, () => ({
        kind: 'error' as const,
        status: 429 as const,
        retryAfterSeconds: 0,
      })),
    );
    const governor = createRateLimitGovernor({ maxAttempts: 3 });
    const llm = await createLlmRuntime(anthropicConfig(server.url), { governor });
    const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
    expect(isKtxError(failure, 'llm_rate_limited')).toBe(true);
    expect((failure as Error).message).toMatch(/after 3 attempts/);
    expect(server.scriptedRequests).toHaveLength(3);
  });

  it('R28: response-header utilization lowers the shared concurrency, headroom restores it', async () => {
    const governor = createRateLimitGovernor({ maxConcurrency: 4 });
    server.push(
      {
        kind: 'text',
        text: 'a',
        headers: { 'anthropic-ratelimit-tokens-limit': '1000', 'anthropic-ratelimit-tokens-remaining': '20' },
      },
      {
        kind: 'text',
        text: 'b',
        headers: {
          'anthropic-ratelimit-tokens-limit': '1000',
          'anthropic-ratelimit-tokens-remaining': '900',
        },
      },
    );
    const llm = await createLlmRuntime(anthropicConfig(server.url), { governor });
    await llm.generateText({ role: 'default', prompt: 'p' });
    expect(governor.currentLimit()).toBe(1);
    await llm.generateText({ role: 'default', prompt: 'p' });
    expect(governor.currentLimit()).toBe(4);
  });

  it('R31: an abort during a rate-limit pause ends the call at once with an AbortError', async () => {
    server.push({ kind: 'error', status: 429, retryAfterSeconds: 30 }, { kind: 'text', text: 'late' });
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const failure = await llm
      .generateText({ role: 'default', prompt: 'p', signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isAbortError(failure)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('R5: repairs go to the repair role model; other roles fall back to default', async () => {
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: 'table=orders' }] },
      { kind: 'text', text: '{"table": "orders"}' },
      { kind: 'text', text: 'done' },
    );
    const llm = await createLlmRuntime(
      anthropicConfig(server.url, { models: { default: 'claude-sonnet-4-6', repair: 'claude-haiku-4-5' } }),
    );
    const result = await llm.runAgentLoop({
      role: 'curator',
      system: 's',
      prompt: 'p',
      tools: lookup,
      stepBudget: 3,
    });
    expect(result.stopReason).toBe('natural');
    expect(server.scriptedRequests.map((request) => request.model)).toEqual([
      'claude-sonnet-4-6',
      'claude-haiku-4-5',
      'claude-sonnet-4-6',
    ]);
  });

  it('R35: settings a backend ignores are reported, defaults are not', () => {
    const base = anthropicConfig('http://x');
    expect(describeIgnoredLlmSettings(base)).toEqual([]);
    const custom = { ...DEFAULT_PROMPT_CACHING, systemTtl: '5m' as const, historyTtl: '1h' as const };
    expect(describeIgnoredLlmSettings({ ...base, backend: 'claude-code' })).toEqual([]);
    const claude = describeIgnoredLlmSettings({ ...base, backend: 'claude-code', promptCaching: custom });
    expect(claude).toHaveLength(1);
    expect(claude[0]).toMatch(/^claude-code ignores llm\.promptCaching\.historyTtl: /);
    expect(describeIgnoredLlmSettings({ ...base, backend: 'codex', promptCaching: custom })[0]).toMatch(
      /^codex ignores llm\.promptCaching\.systemTtl, llm\.promptCaching\.historyTtl/,
    );
    expect(describeIgnoredLlmSettings({ ...base, backend: 'openai', promptCaching: custom })[0]).toMatch(
      /openai ignores/,
    );
    expect(describeIgnoredLlmSettings({ ...base, promptCaching: custom })[0]).toMatch(/must not grow/);
  });

  it('a tool that throws is reported to the model as a failed call and the loop goes on', async () => {
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'broken', input: {} }] },
      { kind: 'text', text: 'recovered' },
    );
    const events: string[] = [];
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    const result = await llm.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      stepBudget: 3,
      onEvent: (event) => event.kind === 'tool_called' && events.push(`${event.name}:${event.ok}`),
      tools: {
        broken: {
          name: 'broken',
          description: 'Always fails.',
          inputSchema: z.object({}),
          execute: async () => {
            throw new Error('warehouse said no');
          },
        },
      },
    });
    expect(result.stopReason).toBe('natural');
    expect(events).toEqual(['broken:false']);
    expect(JSON.stringify(server.scriptedRequests[1]?.body)).toContain('warehouse said no');
  });

  it('R17/R31: an abort while a tool runs reaches the tool and the loop rethrows AbortError', async () => {
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'slow', input: {} }] },
      { kind: 'text', text: 'never' },
    );
    const controller = new AbortController();
    let toolSawAbort = false;
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    const failure = await llm
      .runAgentLoop({
        role: 'default',
        system: 's',
        prompt: 'p',
        stepBudget: 3,
        signal: controller.signal,
        tools: {
          slow: {
            name: 'slow',
            description: 'Waits for the abort.',
            inputSchema: z.object({}),
            execute: (_input, { signal }) =>
              new Promise((_resolve, reject) => {
                setTimeout(() => controller.abort(), 50);
                signal.addEventListener('abort', () => {
                  toolSawAbort = true;
                  reject(signal.reason);
                });
              }),
          },
        },
      })
      .catch((e: unknown) => e);
    expect(isAbortError(failure)).toBe(true);
    expect(toolSawAbort).toBe(true);
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('an unreachable OpenAI-compatible server is llm_network naming the base URL', async () => {
    // A port that was just free: nothing listens there.
    const probeServer = createServer();
    await new Promise<void>((resolve) => probeServer.listen(0, '127.0.0.1', resolve));
    const { port } = probeServer.address() as AddressInfo;
    await new Promise((resolve) => probeServer.close(resolve));
    const baseUrl = `http://127.0.0.1:${port}/v1`;
    const llm = await createLlmRuntime({
      ...anthropicConfig(baseUrl),
      backend: 'openai-compatible',
      models: { default: 'llama3.1:8b' },
      baseUrl,
    });
    const probe = await probeLlm(llm);
    expect(probe.error?.code).toBe('llm_network');
    expect(probe.error?.fix).toContain(baseUrl);
  });

  it('probeLlm reports ok with timing, and a classified failure with its fix', async () => {
    server.push({ kind: 'text', text: 'ok' }, { kind: 'error', status: 401 });
    const llm = await createLlmRuntime(anthropicConfig(server.url));
    const good = await probeLlm(llm);
    expect(good).toMatchObject({ ok: true, text: 'ok' });
    expect(JSON.stringify(server.scriptedRequests[0]?.body)).toContain('Reply with exactly: ok');
    const bad = await probeLlm(llm);
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('llm_auth');
    server.push({ kind: 'hang' });
    const slow = await probeLlm(llm, { timeoutMs: 200 });
    expect(slow.error?.code).toBe('llm_network');
    expect(slow.error?.message).toMatch(/did not answer/);
  });
});
