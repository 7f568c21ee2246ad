import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import type { LlmRuntimeEvent, LlmToolSet, RunAgentLoopResult } from '../../../src/llm/port.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { tempDir } from '../../support/temp-dir.js';
import {
  CLAUDE_REPAIR_MODEL,
  CLAUDE_TEST_MODEL,
  claudeTestConfig,
  claudeTestRuntime,
  recordingGovernor,
} from './claude-code-harness.js';

/**
 * The claude-code backend end to end: the real @anthropic-ai/claude-agent-sdk and its bundled
 * `claude` binary, routed to the scripted model server through llm.provider.claude-code.base_url.
 */
let server: ScriptedModelServer;

beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

type Body = { system?: unknown; tools?: Array<{ name: string }>; messages?: unknown[] };
const bodyOf = (index: number): Body => (server.scriptedRequests[index]?.body ?? {}) as Body;

function lookupTool(seen: string[]): LlmToolSet {
  return {
    lookup_table: {
      name: 'lookup_table',
      description: 'Describe a table',
      inputSchema: z.object({ table: z.string() }),
      execute: async ({ table }: { table: string }) => {
        seen.push(table);
        return { markdown: `table ${table} has 3 columns`, structured: { columns: 3 } };
      },
    },
  };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isKtxError(error), `expected KtxError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as Error & { code: string; fix?: string };
}

describe('claude-code runtime: text and objects', () => {
  it('generates text with the configured model, system prompt, usage and the configured key only', async () => {
    server.push({
      kind: 'text',
      text: 'scripted hello',
      usage: { inputTokens: 20, outputTokens: 4, cacheReadTokens: 7, cacheWriteTokens: 3 },
    });
    const runtime = await claudeTestRuntime(server.url);
    const metrics: unknown[] = [];
    const text = await runtime.generateText({
      role: 'triage',
      system: 'You are terse.',
      prompt: 'Say hello',
      onMetrics: (m) => metrics.push(m),
    });
    expect(text).toBe('scripted hello');
    expect(runtime.modelFor('triage')).toBe(CLAUDE_TEST_MODEL);
    const request = server.scriptedRequests[0];
    expect(request?.model).toBe(CLAUDE_TEST_MODEL);
    expect(JSON.stringify(bodyOf(0).system)).toContain('You are terse.');
    // No built-in tool is offered to a text call.
    expect(bodyOf(0).tools ?? []).toEqual([]);
    // Scrubbed env (R11): the configured key is used; the planted token and header never arrive.
    expect(request?.headers['x-api-key']).toBe('…abcd');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-planted']).toBeUndefined();
    expect(metrics).toEqual([
      {
        totalMs: expect.any(Number),
        usage: { inputTokens: 30, outputTokens: 4, totalTokens: 34, cacheReadTokens: 7, cacheWriteTokens: 3 },
      },
    ]);
    await runtime.close();
  });

  it('applies llm.promptCaching: the system TTL as the conversation TTL, or no cache markers when off', async () => {
    server.push({ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' });
    const cached = await claudeTestRuntime(server.url);
    await cached.generateText({ role: 'default', system: 'S', prompt: 'P' });
    expect(JSON.stringify(bodyOf(0))).toContain('"ttl":"1h"');
    const uncached = await claudeTestRuntime(server.url, {
      promptCaching: {
        enabled: false,
        systemTtl: '1h',
        toolsTtl: '1h',
        historyTtl: '5m',
        vertexFallbackTo5m: false,
      },
    });
    await uncached.generateText({ role: 'default', system: 'S', prompt: 'P' });
    expect(JSON.stringify(bodyOf(1))).not.toContain('cache_control');
  });

  it('generates a validated object through the SDK structured output', async () => {
    server.push({ kind: 'json', value: { name: 'orders', columns: 3 } });
    const runtime = await claudeTestRuntime(server.url);
    const value = await runtime.generateObject({
      role: 'default',
      prompt: 'Describe orders',
      schema: z.object({ name: z.string(), columns: z.number().int() }),
    });
    expect(value).toEqual({ name: 'orders', columns: 3 });
    // Only the SDK's structured-output tool is offered (R10), nothing else.
    expect(bodyOf(0).tools?.map((tool) => tool.name)).toEqual(['StructuredOutput']);
  });

  it('repairs an object that fails the caller schema with the repair role', async () => {
    // The JSON Schema cannot express the refinement, so Claude Code accepts 3 and ktx's check fails.
    server.push(
      { kind: 'json', value: { count: 3 } },
      { kind: 'text', text: 'Here:\n```json\n{"count": 4}\n```' },
    );
    const runtime = await claudeTestRuntime(server.url);
    const value = await runtime.generateObject({
      role: 'default',
      prompt: 'Count',
      schema: z.object({ count: z.number().refine((n) => n % 2 === 0, 'must be even') }),
    });
    expect(value).toEqual({ count: 4 });
    expect(server.scriptedRequests.map((request) => request.model)).toEqual([
      CLAUDE_TEST_MODEL,
      CLAUDE_REPAIR_MODEL,
    ]);
    expect(JSON.stringify(bodyOf(1))).toContain('must be even');
  });
});

describe('claude-code runtime: agent loops', () => {
  it('round-trips a tool call through the in-process MCP server and stops naturally', async () => {
    server.push(
      {
        kind: 'tool_calls',
        calls: [{ name: 'mcp__ktx__lookup_table', input: { table: 'orders' } }],
        usage: { inputTokens: 50, outputTokens: 10 },
      },
      { kind: 'text', text: 'orders has 3 columns', usage: { inputTokens: 70, outputTokens: 6 } },
    );
    const runtime = await claudeTestRuntime(server.url);
    const seen: string[] = [];
    const events: LlmRuntimeEvent[] = [];
    const result = await runtime.runAgentLoop({
      role: 'curator',
      system: 'You describe tables.',
      prompt: 'Describe orders',
      tools: lookupTool(seen),
      stepBudget: 5,
      onEvent: (event) => events.push(event),
    });
    expect(result.stopReason).toBe('natural');
    expect(result.finalText).toBe('orders has 3 columns');
    expect(seen).toEqual(['orders']);
    // Exact allow-list: only our tool is offered, under its MCP id.
    expect(bodyOf(0).tools?.map((tool) => tool.name)).toEqual(['mcp__ktx__lookup_table']);
    expect(JSON.stringify(bodyOf(0).system)).toContain('You describe tables.');
    expect(JSON.stringify(bodyOf(1).messages)).toContain('table orders has 3 columns');
    // stepCount is the CLI's num_turns (R14); one boundary per observed turn.
    expect(result.metrics.stepCount).toBe(2);
    expect(result.metrics.stepBoundariesMs).toHaveLength(2);
    expect(result.metrics.usage).toMatchObject({ inputTokens: 120, outputTokens: 16, totalTokens: 136 });
    expect(events.filter((event) => event.kind === 'tool_called')).toEqual([
      { kind: 'tool_called', step: 1, name: 'lookup_table', ok: true, durationMs: expect.any(Number) },
    ]);
    expect(events.filter((event) => event.kind === 'step_finished').map((event) => event.step)).toEqual([
      1, 2,
    ]);
  });

  it('stops with budget when the step budget ends the loop', async () => {
    const call = {
      kind: 'tool_calls' as const,
      calls: [{ name: 'mcp__ktx__lookup_table', input: { table: 'orders' } }],
    };
    server.push(call, call, call, { kind: 'text', text: 'never reached' });
    const runtime = await claudeTestRuntime(server.url);
    const seen: string[] = [];
    const result = await runtime.runAgentLoop({
      role: 'default',
      system: 'S',
      prompt: 'Loop',
      tools: lookupTool(seen),
      stepBudget: 2,
    });
    expect(result.stopReason).toBe('budget');
    expect(result.error).toBeUndefined();
    expect(result.metrics.stepCount).toBe(2);
    expect(server.scriptedRequests).toHaveLength(2);
  });

  it('stops with a classified error when the provider fails, without throwing', async () => {
    server.push({ kind: 'error', status: 500, message: 'upstream exploded' });
    const runtime = await claudeTestRuntime(server.url);
    const result = await runtime.runAgentLoop({
      role: 'default',
      system: 'S',
      prompt: 'Go',
      tools: lookupTool([]),
      stepBudget: 3,
    });
    expect(result.stopReason).toBe('error');
    const error = result.error;
    if (!isKtxError(error)) throw new Error(`expected a KtxError, got ${String(error)}`);
    expect(error.code).toMatch(/^llm_/);
    expect(error.fix).toBeTruthy();
    expect(result.metrics.totalMs).toBeGreaterThan(0);
  });

  it('lets the model correct malformed tool-call JSON; the tool never sees it', async () => {
    server.push(
      {
        kind: 'tool_calls',
        calls: [{ name: 'mcp__ktx__lookup_table', input: '{"table": "orders"  garbage' }],
      },
      { kind: 'tool_calls', calls: [{ name: 'mcp__ktx__lookup_table', input: { table: 'orders' } }] },
      { kind: 'text', text: 'done' },
    );
    const runtime = await claudeTestRuntime(server.url);
    const seen: string[] = [];
    const result = await runtime.runAgentLoop({
      role: 'default',
      system: 'S',
      prompt: 'Go',
      tools: lookupTool(seen),
      stepBudget: 5,
    });
    expect(result.stopReason).toBe('natural');
    expect(seen).toEqual(['orders']);
    const feedback = JSON.stringify(bodyOf(1).messages);
    expect(feedback).toContain('is_error');
    expect(feedback).toContain('could not be parsed as JSON');
  });

  it('refuses tools outside the allow-list: built-ins and other MCP servers never run', async () => {
    const marker = join(tempDir('ktx-claude-isolation-'), 'pwned');
    server.push(
      {
        kind: 'tool_calls',
        calls: [
          { name: 'Bash', input: { command: `touch ${marker}` } },
          { name: 'Write', input: { file_path: marker, content: 'x' } },
          { name: 'mcp__other__lookup', input: { table: 'x' } },
        ],
      },
      { kind: 'text', text: 'ok' },
    );
    const runtime = await claudeTestRuntime(server.url);
    const seen: string[] = [];
    const result = await runtime.runAgentLoop({
      role: 'default',
      system: 'S',
      prompt: 'Go',
      tools: lookupTool(seen),
      stepBudget: 4,
    });
    expect(result.stopReason).toBe('natural');
    expect(existsSync(marker)).toBe(false);
    expect(seen).toEqual([]);
    const feedback = JSON.stringify(bodyOf(1).messages);
    expect(feedback.match(/"is_error":true/g)).toHaveLength(3);
  });

  it('returns a tool failure to the model as an error result and keeps going', async () => {
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'mcp__ktx__explode', input: {} }] },
      { kind: 'text', text: 'recovered' },
    );
    const runtime = await claudeTestRuntime(server.url);
    const events: LlmRuntimeEvent[] = [];
    const result = await runtime.runAgentLoop({
      role: 'default',
      system: 'S',
      prompt: 'Go',
      tools: {
        explode: {
          name: 'explode',
          description: 'Always fails',
          inputSchema: z.object({}),
          execute: async () => {
            throw new Error('unknown measure revenue');
          },
        },
      },
      stepBudget: 3,
      onEvent: (event) => events.push(event),
    });
    expect(result.stopReason).toBe('natural');
    expect(JSON.stringify(bodyOf(1).messages)).toContain('unknown measure revenue');
    expect(events.find((event) => event.kind === 'tool_called')).toMatchObject({
      name: 'explode',
      ok: false,
    });
  });
});

describe('claude-code runtime: abort', () => {
  it('rethrows an abort mid-stream as AbortError and closes the request', async () => {
    server.push({ kind: 'hang', text: 'partial' });
    const runtime = await claudeTestRuntime(server.url);
    const controller = new AbortController();
    const waitForRequest = async () => {
      while (server.scriptedRequests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      controller.abort();
    };
    const started = Date.now();
    const [outcome] = await Promise.allSettled([
      runtime.runAgentLoop({
        role: 'default',
        system: 'S',
        prompt: 'Go',
        tools: lookupTool([]),
        stepBudget: 3,
        signal: controller.signal,
      }),
      waitForRequest(),
    ]);
    expect(outcome.status).toBe('rejected');
    expect((outcome as PromiseRejectedResult).reason.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(10_000);
    for (let i = 0; i < 50 && !server.scriptedRequests[0]?.clientClosedEarly; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.scriptedRequests[0]?.clientClosedEarly).toBe(true);
  });

  it('close() ends a running query as an abort and refuses new calls', async () => {
    server.push({ kind: 'hang', text: 'partial' });
    const runtime = await claudeTestRuntime(server.url);
    const pending = runtime.generateText({ role: 'default', prompt: 'x' }).catch((error: unknown) => error);
    while (server.scriptedRequests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await runtime.close();
    await runtime.close();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    await expectCode(runtime.generateText({ role: 'default', prompt: 'x' }), 'llm_provider_error');
  });

  it('throws AbortError before starting anything when the signal is already aborted', async () => {
    const runtime = await claudeTestRuntime(server.url);
    const controller = new AbortController();
    controller.abort();
    await expect(
      runtime.generateText({ role: 'default', prompt: 'x', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expect(
      runtime.runAgentLoop({
        role: 'default',
        system: 'S',
        prompt: 'x',
        tools: {},
        stepBudget: 1,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('claude-code runtime: rate limits and failures', () => {
  it('retries a 429 after the governor backoff, then succeeds', async () => {
    server.push(
      { kind: 'error', status: 429, message: 'rate limited, slow down' },
      { kind: 'text', text: 'after retry' },
    );
    const governor = recordingGovernor();
    const runtime = await claudeTestRuntime(server.url, {}, { governor });
    const events: LlmRuntimeEvent[] = [];
    const text = await runtime.generateText({
      role: 'default',
      prompt: 'x',
      onEvent: (event) => events.push(event),
    });
    expect(text).toBe('after retry');
    expect(server.scriptedRequests).toHaveLength(2);
    // The rejection went to the governor, so the retry waited its backoff instead of firing at once.
    expect(governor.signals).toContainEqual(
      expect.objectContaining({ provider: 'claude-code', status: 'rejected' }),
    );
    expect(events).toContainEqual({ kind: 'retry', attempt: 2, maxAttempts: 3, reason: expect.any(String) });
  });

  it('fails with llm_rate_limited after the governor’s attempts, naming the attempts', async () => {
    const limited = { kind: 'error' as const, status: 429 as const, message: 'rate limited' };
    server.push(limited, limited, limited, { kind: 'text', text: 'never' });
    const runtime = await claudeTestRuntime(server.url);
    const error = await expectCode(
      runtime.generateText({ role: 'default', prompt: 'x' }),
      'llm_rate_limited',
    );
    expect(error.message).toContain('after 3 attempts');
    expect(server.scriptedRequests).toHaveLength(3);
  });

  it('does not retry at all without a governor', async () => {
    server.push({ kind: 'error', status: 429, message: 'rate limited' }, { kind: 'text', text: 'never' });
    const { createClaudeCodeRuntime } = await import(
      '../../../src/llm/backends/claude-code/claude-code-runtime.js'
    );
    const runtime = await createClaudeCodeRuntime(claudeTestConfig(server.url));
    await expectCode(runtime.generateText({ role: 'default', prompt: 'x' }), 'llm_rate_limited');
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('pauses the shared governor for the delay the CLI’s own 429 retry waits', async () => {
    server.push(
      { kind: 'error', status: 429, message: 'slow down', retryAfterSeconds: 0 },
      { kind: 'text', text: 'ok' },
    );
    const governor = recordingGovernor();
    const config = claudeTestConfig(server.url);
    const runtime = await claudeTestRuntime(
      server.url,
      { env: { ...config.env, CLAUDE_CODE_MAX_RETRIES: '2' } },
      { governor },
    );
    const events: LlmRuntimeEvent[] = [];
    expect(
      await runtime.generateText({ role: 'default', prompt: 'x', onEvent: (event) => events.push(event) }),
    ).toBe('ok');
    expect(governor.signals).toContainEqual(
      expect.objectContaining({ provider: 'claude-code', status: 'rejected', rateLimitType: 'api_retry' }),
    );
    expect(events.some((event) => event.kind === 'rate_limit_wait')).toBe(true);
    expect(events.filter((event) => event.kind === 'retry')).toHaveLength(1);
    // One request for each try; the runtime did not add an outer retry on top of the CLI's.
    expect(server.scriptedRequests).toHaveLength(2);
  });

  it('fails fast with llm_auth on a 401, with the sign-in fix', async () => {
    server.push({ kind: 'error', status: 401, message: 'invalid x-api-key', type: 'authentication_error' });
    const runtime = await claudeTestRuntime(server.url);
    const error = await expectCode(runtime.generateText({ role: 'default', prompt: 'x' }), 'llm_auth');
    expect(error.fix).toBeTruthy();
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('stops the CLI’s own retries at the first 401 of an API key instead of ten backoffs', async () => {
    const denied = {
      kind: 'error' as const,
      status: 401 as const,
      message: 'invalid x-api-key',
      type: 'authentication_error',
    };
    server.push(denied, denied, denied, denied, denied);
    const config = claudeTestConfig(server.url);
    const runtime = await claudeTestRuntime(server.url, {
      env: { ...config.env, CLAUDE_CODE_MAX_RETRIES: '10' },
    });
    const started = Date.now();
    await expectCode(runtime.generateText({ role: 'default', prompt: 'x' }), 'llm_auth');
    // The CLI makes a couple of quick tries before it reports its first retry; the ten backoffs
    // after that (minutes) never happen.
    expect(server.scriptedRequests.length).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('classifies a model the provider does not know as llm_model_unavailable', async () => {
    const notFound = {
      kind: 'error' as const,
      status: 404 as const,
      type: 'not_found_error',
      message: `model: ${CLAUDE_TEST_MODEL}`,
    };
    // After a 404 on the streaming request the CLI tries once without streaming.
    server.push(notFound, notFound);
    const runtime = await claudeTestRuntime(server.url);
    await expectCode(runtime.generateText({ role: 'default', prompt: 'x' }), 'llm_model_unavailable');
  });

  it('rejects a model id Claude Code cannot use before starting anything, naming the accepted forms', async () => {
    const error = await expectCode(
      claudeTestRuntime(server.url, { models: { default: 'claude-sonnet-4-6', triage: 'gpt-5' } }),
      'llm_config',
    );
    expect(error.message).toContain('gpt-5');
    expect(error.fix).toContain('sonnet, opus, haiku');
    expect(server.requests).toHaveLength(0);
  });

  it('says exactly how to install the SDK when it cannot be loaded', async () => {
    const error = await expectCode(
      claudeTestRuntime(server.url, {}, { sdkSpecifier: '@anthropic-ai/claude-agent-sdk-not-installed' }),
      'llm_not_installed',
    );
    expect(error.fix).toContain('npm install -g @anthropic-ai/claude-agent-sdk@^');
  });

  it('writes one redacted debug line per call to llm.debugFile', async () => {
    server.push({ kind: 'text', text: 'ok' });
    const debugFile = join(tempDir('ktx-claude-debug-'), 'requests.jsonl');
    const runtime = await claudeTestRuntime(server.url, { debugFile });
    await runtime.generateText({
      role: 'triage',
      prompt: 'secret prompt text',
      tags: { operation: 'probe' },
    });
    const lines = readFileSync(debugFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      backend: 'claude-code',
      role: 'triage',
      model: CLAUDE_TEST_MODEL,
      operation: 'generateText',
      status: 200,
      attempt: 1,
      cacheMarkers: ['conversation:1h'],
    });
    expect(lines[0]).not.toContain('secret prompt text');
    expect(lines[0]).not.toContain('abcd');
  });
});

describe('claude-code runtime: loop results are never thrown', () => {
  it('returns an error result, not a throw, when the session cannot start', async () => {
    const config = claudeTestConfig(server.url);
    // A cwd that does not exist makes the CLI fail before any model call.
    const runtime = await claudeTestRuntime(server.url, { projectDir: join(config.projectDir, 'missing') });
    const result: RunAgentLoopResult = await runtime.runAgentLoop({
      role: 'default',
      system: 'S',
      prompt: 'x',
      tools: {},
      stepBudget: 1,
    });
    expect(result.stopReason).toBe('error');
    expect(isKtxError(result.error, 'llm_config')).toBe(true);
    expect(result.error?.message).toContain('does not exist');
  });
});
