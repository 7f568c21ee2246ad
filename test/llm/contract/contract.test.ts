import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import {
  isAbortError,
  type LlmRuntime,
  type LlmRuntimeEvent,
  type LlmToolSet,
} from '../../../src/llm/index.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { BACKEND_HARNESSES, type BackendHarness, type ContractCase } from './backend-harnesses.js';

function lookupTools(calls: unknown[]): LlmToolSet {
  return {
    lookup_table: {
      name: 'lookup_table',
      description: 'Describe one table.',
      inputSchema: z.object({ table: z.string() }),
      execute: async (input: { table: string }) => {
        calls.push(input);
        return { markdown: `table ${input.table}: 3 columns`, structured: { table: input.table } };
      },
    },
  };
}

function bodyText(value: unknown): string {
  return JSON.stringify(value);
}

for (const harness of BACKEND_HARNESSES) {
  describe(`LLM runtime contract: ${harness.name}`, () => {
    let server: ScriptedModelServer;
    beforeAll(async () => {
      server = await startScriptedModelServer();
    });
    afterAll(async () => {
      await server?.close();
    });
    beforeEach(() => server.reset());
    // Every runtime a case opens is closed after it (close is idempotent), so backends that hold
    // child processes or temp dirs (Codex's CLI wrapper) leave nothing behind, even when a case fails.
    const opened: LlmRuntime[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((llm) => llm.close()));
    });

    const contractCase = (id: ContractCase, title: string, body: () => Promise<void>, timeout = 20_000) => {
      const reason = harness.skip?.[id];
      if (reason) it.skip(`${title} (skipped: ${reason})`, body);
      else it(title, body, timeout);
    };
    // The name a scripted tool call uses for a ktx tool on this backend (Codex: mcp__ktx__<tool>).
    const toolCall = (tool: string) => harness.scriptedToolName?.(tool) ?? tool;
    const runtime = async (overrides?: Parameters<BackendHarness['makeRuntime']>[1]) => {
      const llm = await harness.makeRuntime(server.url, overrides);
      opened.push(llm);
      return llm;
    };

    contractCase(
      'text',
      'generateText returns the model text and sends the system prompt apart from the user prompt',
      async () => {
        server.push({ kind: 'text', text: 'hello there' });
        const llm = await runtime();
        const text = await llm.generateText({
          role: 'default',
          system: 'You are terse.',
          prompt: 'Say hello.',
        });
        expect(text).toBe('hello there');
        const [request] = server.scriptedRequests;
        expect(request?.api).toBe(harness.api);
        expect(bodyText(request?.body)).toContain('You are terse.');
        expect(bodyText(request?.body)).toContain('Say hello.');
        await llm.close();
      },
    );

    contractCase(
      'object',
      'generateObject returns an object validated against the caller schema',
      async () => {
        server.push({ kind: 'json', value: { table: 'orders', rowCount: 3 } });
        const llm = await runtime();
        const schema = z.object({ table: z.string(), rowCount: z.number().int() });
        const value = await llm.generateObject({ role: 'default', prompt: 'Describe orders.', schema });
        expect(value).toEqual({ table: 'orders', rowCount: 3 });
      },
    );

    contractCase(
      'object',
      'generateObject repairs fenced JSON with a trailing comma locally, without a model call',
      async () => {
        server.push({ kind: 'json', value: '```json\n{"table": "orders", "rowCount": 3,}\n```' });
        const llm = await runtime();
        const schema = z.object({ table: z.string(), rowCount: z.number() });
        const value = await llm.generateObject({ role: 'default', prompt: 'Describe orders.', schema });
        expect(value).toEqual({ table: 'orders', rowCount: 3 });
        expect(server.scriptedRequests).toHaveLength(1);
      },
    );

    contractCase(
      'object',
      'generateObject asks the repair role, then fails with llm_invalid_output',
      async () => {
        server.push({ kind: 'text', text: 'no json at all' }, { kind: 'text', text: '{"table": 42}' });
        const llm = await runtime();
        const schema = z.object({ table: z.string() });
        const failure = await llm
          .generateObject({ role: 'default', prompt: 'x', schema })
          .catch((e: unknown) => e);
        expect(isKtxError(failure, 'llm_invalid_output')).toBe(true);
        expect(server.scriptedRequests).toHaveLength(2);
      },
    );

    contractCase(
      'loop',
      'R14: runAgentLoop round-trips tool calls, feeds results back, and counts model round-trips as steps',
      async () => {
        server.push(
          { kind: 'tool_calls', calls: [{ name: toolCall('lookup_table'), input: { table: 'orders' } }] },
          { kind: 'tool_calls', calls: [{ name: toolCall('lookup_table'), input: { table: 'customers' } }] },
          { kind: 'text', text: 'Both tables described.' },
        );
        const calls: unknown[] = [];
        const events: LlmRuntimeEvent[] = [];
        const llm = await runtime();
        const result = await llm.runAgentLoop({
          role: 'default',
          system: 'Use the tools.',
          prompt: 'Describe orders and customers.',
          tools: lookupTools(calls),
          stepBudget: 10,
          onEvent: (event) => events.push(event),
        });
        expect(result.stopReason).toBe('natural');
        expect(result.finalText).toBe('Both tables described.');
        expect(calls).toEqual([{ table: 'orders' }, { table: 'customers' }]);
        expect(bodyText(server.scriptedRequests[1]?.body)).toContain('table orders: 3 columns');
        expect(bodyText(server.scriptedRequests[2]?.body)).toContain('table customers: 3 columns');
        expect(
          events
            .filter((event) => event.kind === 'tool_called')
            .map((event) => event.kind === 'tool_called' && event.name),
        ).toEqual(['lookup_table', 'lookup_table']);
        expect(events.filter((event) => event.kind === 'step_finished')).toHaveLength(3);
      },
    );

    contractCase(
      'natural',
      'a loop the model ends on its first turn stops naturally after one step',
      async () => {
        server.push({ kind: 'text', text: 'Nothing to do.' });
        const llm = await runtime();
        const result = await llm.runAgentLoop({
          role: 'default',
          system: 's',
          prompt: 'p',
          tools: lookupTools([]),
          stepBudget: 5,
        });
        expect(result.stopReason).toBe('natural');
        expect(result.metrics.stepCount).toBe(1);
      },
    );

    contractCase('budget', 'a loop stopped by its step budget reports budget, not natural', async () => {
      const call = {
        kind: 'tool_calls' as const,
        calls: [{ name: toolCall('lookup_table'), input: { table: 'orders' } }],
      };
      server.push(call, call, call, { kind: 'text', text: 'never reached' });
      const calls: unknown[] = [];
      const llm = await runtime();
      const result = await llm.runAgentLoop({
        role: 'default',
        system: 's',
        prompt: 'p',
        tools: lookupTools(calls),
        stepBudget: 2,
      });
      expect(result.stopReason).toBe('budget');
      expect(result.metrics.stepCount).toBe(2);
      expect(server.scriptedRequests).toHaveLength(2);
    });

    contractCase(
      'error',
      'a provider failure mid-loop returns stopReason error with a classified error and metrics so far',
      async () => {
        server.push(
          { kind: 'tool_calls', calls: [{ name: toolCall('lookup_table'), input: { table: 'orders' } }] },
          { kind: 'error', status: 400, message: 'prompt is malformed' },
        );
        const llm = await runtime();
        const result = await llm.runAgentLoop({
          role: 'default',
          system: 's',
          prompt: 'p',
          tools: lookupTools([]),
          stepBudget: 5,
        });
        expect(result.stopReason).toBe('error');
        expect(isKtxError(result.error, 'llm_provider_error')).toBe(true);
        expect(result.metrics.stepCount).toBe(1);
      },
    );

    contractCase(
      'abort',
      'aborting mid-call rethrows an AbortError from generateText and runAgentLoop',
      async () => {
        server.push({ kind: 'hang', text: 'partial' });
        const llm = await runtime();
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 150);
        const textFailure = await llm
          .generateText({ role: 'default', prompt: 'p', signal: controller.signal })
          .catch((e: unknown) => e);
        expect(isAbortError(textFailure)).toBe(true);

        server.reset([
          { kind: 'tool_calls', calls: [{ name: toolCall('lookup_table'), input: { table: 'a' } }] },
          { kind: 'hang' },
        ]);
        const loopController = new AbortController();
        setTimeout(() => loopController.abort(), 300);
        const loopFailure = await llm
          .runAgentLoop({
            role: 'default',
            system: 's',
            prompt: 'p',
            tools: lookupTools([]),
            stepBudget: 5,
            signal: loopController.signal,
          })
          .catch((e: unknown) => e);
        expect(isAbortError(loopFailure)).toBe(true);
      },
    );

    contractCase(
      'rate_limit',
      'a 429 pauses for retry-after through the governor, then the retry succeeds',
      async () => {
        server.push({ kind: 'error', status: 429, retryAfterSeconds: 1 }, { kind: 'text', text: 'ok' });
        const llm = await runtime();
        const events: LlmRuntimeEvent[] = [];
        const started = Date.now();
        const text = await llm.generateText({
          role: 'default',
          prompt: 'p',
          onEvent: (event) => events.push(event),
        });
        expect(text).toBe('ok');
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
        expect(server.scriptedRequests).toHaveLength(2);
        expect(events.filter((event) => event.kind === 'retry')).toHaveLength(1);
        expect(events.some((event) => event.kind === 'rate_limit_wait')).toBe(true);
      },
      // Two agent-SDK child processes plus the wait: slow on a loaded 2-core CI machine.
      60_000,
    );

    contractCase('auth', 'a 401 becomes llm_auth with a fix line', async () => {
      server.push({ kind: 'error', status: 401, message: 'invalid x-api-key' });
      const llm = await runtime();
      const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
      expect(isKtxError(failure, 'llm_auth')).toBe(true);
      expect((failure as { fix?: string }).fix).toBeTruthy();
    });

    contractCase('unknown_model', 'an unknown model becomes llm_model_unavailable', async () => {
      // Scripted twice: after a 404 on the stream the Claude Code CLI asks once more without streaming.
      // Backends that ask once leave the second turn unused (reset before the next case).
      const notFound = {
        kind: 'error',
        status: 404,
        message: 'model: claude-nope does not exist',
        code: 'model_not_found',
      } as const;
      server.push(notFound, notFound);
      const llm = await runtime();
      const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
      expect(isKtxError(failure, 'llm_model_unavailable')).toBe(true);
    });

    contractCase(
      'malformed_tool_json',
      'malformed tool-call JSON is repaired locally before the tool runs',
      async () => {
        server.push(
          { kind: 'tool_calls', calls: [{ name: toolCall('lookup_table'), input: '{"table": "orders",}' }] },
          { kind: 'text', text: 'done' },
        );
        const calls: unknown[] = [];
        const llm = await runtime();
        const result = await llm.runAgentLoop({
          role: 'default',
          system: 's',
          prompt: 'p',
          tools: lookupTools(calls),
          stepBudget: 5,
        });
        expect(result.error?.message).toBeUndefined();
        expect(result.stopReason).toBe('natural');
        expect(calls).toEqual([{ table: 'orders' }]);
        expect(server.scriptedRequests).toHaveLength(2);
      },
    );

    contractCase(
      'malformed_tool_json',
      'R5: tool-call JSON local repair cannot fix goes to the repair role',
      async () => {
        server.push(
          { kind: 'tool_calls', calls: [{ name: toolCall('lookup_table'), input: 'table=orders' }] },
          { kind: 'text', text: '{"table": "orders"}' },
          { kind: 'text', text: 'done' },
        );
        const calls: unknown[] = [];
        const llm = await runtime({
          config: { models: { default: harness.model, repair: `${harness.model}` } },
        });
        const result = await llm.runAgentLoop({
          role: 'default',
          system: 's',
          prompt: 'p',
          tools: lookupTools(calls),
          stepBudget: 5,
        });
        expect(result.stopReason).toBe('natural');
        expect(calls).toEqual([{ table: 'orders' }]);
        expect(bodyText(server.scriptedRequests[1]?.body)).toContain('table=orders');
      },
    );

    contractCase('usage', 'usage and metrics are reported for loops and single calls', async () => {
      server.push(
        {
          kind: 'tool_calls',
          calls: [{ name: toolCall('lookup_table'), input: { table: 'orders' } }],
          usage: { inputTokens: 100, outputTokens: 20 },
        },
        { kind: 'text', text: 'done', usage: { inputTokens: 150, outputTokens: 30 } },
        { kind: 'text', text: 'single', usage: { inputTokens: 7, outputTokens: 3 } },
      );
      const llm = await runtime();
      const result = await llm.runAgentLoop({
        role: 'default',
        system: 's',
        prompt: 'p',
        tools: lookupTools([]),
        stepBudget: 5,
      });
      expect(result.metrics.usage.inputTokens).toBe(250);
      expect(result.metrics.usage.outputTokens).toBe(50);
      expect(result.metrics.stepCount).toBe(2);
      expect(result.metrics.stepBoundariesMs).toHaveLength(2);
      expect(result.metrics.totalMs).toBeGreaterThan(0);
      let metrics: { totalMs: number; usage: { inputTokens?: number } } | undefined;
      await llm.generateText({ role: 'default', prompt: 'p', onMetrics: (m) => (metrics = m) });
      expect(metrics?.usage.inputTokens).toBe(7);
    });
  });
}
