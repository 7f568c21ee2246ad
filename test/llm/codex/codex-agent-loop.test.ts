import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import { isAbortError } from '../../../src/llm/abort.js';
import type { LlmRuntime, LlmRuntimeEvent, LlmToolSet } from '../../../src/llm/port.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { scriptedCodexRuntime } from './codex-harness.js';

// The real Codex CLI drives these loops; tools reach ktx through the per-call loopback MCP server,
// so a scripted call names them as Codex publishes them: mcp__ktx__<tool>.
const LOOKUP = 'mcp__ktx__lookup_table';

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

async function runtime(): Promise<LlmRuntime> {
  const created = await scriptedCodexRuntime(server.url);
  runtimes.push(created);
  return created;
}

function lookupTools(calls: unknown[], options: { fail?: boolean; onCall?: () => void } = {}): LlmToolSet {
  return {
    lookup_table: {
      name: 'lookup_table',
      description: 'Describe one table.',
      inputSchema: z.object({ table: z.string() }),
      execute: async (input: { table: string }, context) => {
        calls.push({ ...input, token: context.toolCallId.length > 0 });
        options.onCall?.();
        if (options.fail) throw new Error(`no table ${input.table}`);
        return { markdown: `table ${input.table}: 3 columns`, structured: { table: input.table } };
      },
    },
  };
}

const call = (table: string, input: unknown = { table }) => ({
  kind: 'tool_calls' as const,
  calls: [{ name: LOOKUP, input }],
});

function body(seq: number): string {
  return JSON.stringify(server.scriptedRequests[seq]?.body);
}

describe('codex agent loop against the real Codex CLI', () => {
  it('round-trips tool calls through the loopback MCP server and ends naturally', async () => {
    server.reset([call('orders'), call('customers'), { kind: 'text', text: 'Both tables described.' }]);
    const calls: unknown[] = [];
    const events: LlmRuntimeEvent[] = [];
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 'Use the tools.',
      prompt: 'Describe orders and customers.',
      tools: lookupTools(calls),
      stepBudget: 10,
      onEvent: (event) => events.push(event),
    });
    expect(result.stopReason).toBe('natural');
    expect(result.finalText).toBe('Both tables described.');
    expect(calls).toEqual([
      { table: 'orders', token: true },
      { table: 'customers', token: true },
    ]);
    // The model read the tool's Markdown (not a JSON rendering of structured output).
    expect(body(1)).toContain('table orders: 3 columns');
    expect(body(2)).toContain('table customers: 3 columns');
    // Only the run's tools are offered, in Codex's MCP namespace.
    expect(body(0)).toContain('"mcp__ktx"');
    const toolEvents = events.filter((event) => event.kind === 'tool_called');
    expect(toolEvents.map((event) => event.kind === 'tool_called' && [event.name, event.ok])).toEqual([
      ['lookup_table', true],
      ['lookup_table', true],
    ]);
    expect(events.filter((event) => event.kind === 'step_finished')).toHaveLength(3);
    expect(result.metrics.stepCount).toBe(3);
    expect(result.metrics.stepBoundariesMs).toHaveLength(3);
  });

  it('stops naturally after one step when the model answers at once', async () => {
    server.reset([{ kind: 'text', text: 'Nothing to do.' }]);
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      tools: lookupTools([]),
      stepBudget: 5,
    });
    expect(result.stopReason).toBe('natural');
    expect(result.metrics.stepCount).toBe(1);
  });

  it('R21: stops the Codex run when the step budget is reached and reports budget', async () => {
    server.reset([call('a'), call('b'), call('c'), { kind: 'text', text: 'never reached' }]);
    const calls: unknown[] = [];
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      tools: lookupTools(calls),
      stepBudget: 2,
    });
    expect(result.stopReason).toBe('budget');
    expect(result.metrics.stepCount).toBe(2);
    expect(calls).toHaveLength(2);
    // The third model turn was never answered: the child was stopped after the second tool.
    expect(server.pending.length).toBeGreaterThanOrEqual(2);
  });

  it('a provider failure mid-loop returns error with a classified error and the metrics so far', async () => {
    server.reset([call('orders'), { kind: 'error', status: 400, message: 'prompt is malformed' }]);
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      tools: lookupTools([]),
      stepBudget: 5,
    });
    expect(result.stopReason).toBe('error');
    expect(isKtxError(result.error, 'llm_provider_error')).toBe(true);
    expect(result.error?.message).toContain('prompt is malformed');
    expect(result.metrics.stepCount).toBe(1);
  });

  it('a failing tool is reported to the model, which recovers; the loop is not failed', async () => {
    server.reset([call('ghost'), { kind: 'text', text: 'That table does not exist.' }]);
    const events: LlmRuntimeEvent[] = [];
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      tools: lookupTools([], { fail: true }),
      stepBudget: 5,
      onEvent: (event) => events.push(event),
    });
    expect(result.stopReason).toBe('natural');
    expect(body(1)).toContain('no table ghost');
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'tool_called', name: 'lookup_table', ok: false }),
    );
  });

  it('malformed tool-call JSON never reaches the tool; the model is told and the loop goes on', async () => {
    server.reset([call('orders', '{"table": "orders",'), call('orders'), { kind: 'text', text: 'done' }]);
    const calls: unknown[] = [];
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      tools: lookupTools(calls),
      stepBudget: 5,
    });
    expect(result.stopReason).toBe('natural');
    expect(calls).toEqual([{ table: 'orders', token: true }]);
    expect(server.scriptedRequests).toHaveLength(3);
  });

  it('R31: aborting mid-stream rethrows an AbortError and stops the child', async () => {
    server.reset([{ kind: 'hang', text: 'partial' }]);
    const codex = await runtime();
    const controller = new AbortController();
    const abortWhenAsked = setInterval(() => {
      if (server.scriptedRequests.length > 0) controller.abort();
    }, 20);
    const failure = await codex
      .generateText({ role: 'default', prompt: 'p', signal: controller.signal })
      .catch((e: unknown) => e);
    clearInterval(abortWhenAsked);
    expect(isAbortError(failure)).toBe(true);
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly).toBe(true);

    server.reset([call('a'), { kind: 'hang' }]);
    const loopController = new AbortController();
    const loopFailure = await codex
      .runAgentLoop({
        role: 'default',
        system: 's',
        prompt: 'p',
        tools: lookupTools([], { onCall: () => setTimeout(() => loopController.abort(), 100) }),
        stepBudget: 5,
        signal: loopController.signal,
      })
      .catch((e: unknown) => e);
    expect(isAbortError(loopFailure)).toBe(true);
  });

  it('an already-aborted signal starts nothing', async () => {
    const codex = await runtime();
    const failure = await codex
      .runAgentLoop({
        role: 'default',
        system: 's',
        prompt: 'p',
        tools: {},
        stepBudget: 1,
        signal: AbortSignal.abort(),
      })
      .catch((e: unknown) => e);
    expect(isAbortError(failure)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('sums usage over the turns of a loop', async () => {
    server.reset([
      { ...call('orders'), usage: { inputTokens: 100, outputTokens: 20 } },
      { kind: 'text', text: 'done', usage: { inputTokens: 150, outputTokens: 30 } },
    ]);
    const codex = await runtime();
    const result = await codex.runAgentLoop({
      role: 'default',
      system: 's',
      prompt: 'p',
      tools: lookupTools([]),
      stepBudget: 5,
    });
    expect(result.metrics.usage).toMatchObject({ inputTokens: 250, outputTokens: 50, totalTokens: 300 });
    expect(result.metrics.stepCount).toBe(2);
    expect(result.metrics.totalMs).toBeGreaterThan(0);
  });
});
