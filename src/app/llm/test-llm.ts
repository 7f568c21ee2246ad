import { z } from 'zod';
import { KtxError } from '../../core/index.js';
import { createLlmRuntime, probeLlm } from '../../llm/index.js';
import type { LlmModelRole, LlmRuntimeEvent, LlmToolDescriptor, LlmUsage } from '../../llm/port.js';
import type { OpenProject } from '../open-project.js';
import { problemOf } from './problem-of.js';
import { resolveLlmConfig } from './resolve-llm-config.js';

export interface TestLlmInput {
  role?: LlmModelRole;
  env: NodeJS.ProcessEnv;
  debugFile?: string;
  signal?: AbortSignal;
  onEvent?: (event: LlmRuntimeEvent) => void;
}

export interface TestLlmResult {
  backend: string;
  role: LlmModelRole;
  model: string;
  probe: { ok: boolean; ms: number; text?: string; error?: { code: string; message: string; fix?: string } };
  loop?: {
    stopReason: string;
    ok: boolean;
    toolCalls: number;
    steps: number;
    totalMs: number;
    usage: LlmUsage;
    finalText?: string;
    error?: { code: string; message: string; fix?: string };
  };
}

const ADD_TOOL: LlmToolDescriptor = {
  name: 'add_numbers',
  description: 'Adds two integers and returns the sum. Use it for any arithmetic in this conversation.',
  inputSchema: z.object({ a: z.number().int(), b: z.number().int() }),
  execute: async (input) => {
    const { a, b } = input as { a: number; b: number };
    return { markdown: String(a + b), structured: { sum: a + b } };
  },
};

/**
 * `ktx llm test`: the status probe, then one small tool-using loop, so a user sees that the backend
 * answers AND can drive ktx's tools, with timings and token usage.
 */
export async function testLlm(project: OpenProject, input: TestLlmInput): Promise<TestLlmResult> {
  const resolved = resolveLlmConfig(project.config, {
    projectDir: project.dir,
    env: input.env,
    ...(input.debugFile ? { debugFile: input.debugFile } : {}),
  });
  if (!resolved) {
    throw new KtxError('llm_not_configured', 'No LLM backend is configured (llm.provider.backend is none).', {
      fix: 'Run `ktx setup --llm-backend <backend> --llm-model <model>`.',
    });
  }
  const role = input.role ?? 'default';
  const runtime = await createLlmRuntime(resolved);
  try {
    const probe = await probeLlm(runtime, { role, signal: input.signal });
    const result: TestLlmResult = {
      backend: resolved.backend,
      role,
      model: runtime.modelFor(role),
      probe: {
        ok: probe.ok,
        ms: probe.ms,
        ...(probe.text !== undefined ? { text: probe.text } : {}),
        ...(probe.error ? { error: problemOf(probe.error) } : {}),
      },
    };
    if (!probe.ok) return result;
    let toolCalls = 0;
    const loop = await runtime.runAgentLoop({
      role,
      system: 'You are testing a tool connection. Always use the add_numbers tool for arithmetic.',
      prompt: 'Use the add_numbers tool to add 20 and 22, then reply with only the sum.',
      tools: { [ADD_TOOL.name]: ADD_TOOL },
      stepBudget: 4,
      ...(input.signal ? { signal: input.signal } : {}),
      tags: { operationName: 'llm-test' },
      onEvent: (event) => {
        if (event.kind === 'tool_called') toolCalls += 1;
        input.onEvent?.(event);
      },
    });
    result.loop = {
      stopReason: loop.stopReason,
      ok: loop.stopReason === 'natural' && toolCalls > 0,
      toolCalls,
      steps: loop.metrics.stepCount,
      totalMs: Math.round(loop.metrics.totalMs),
      usage: loop.metrics.usage,
      ...(loop.finalText !== undefined ? { finalText: loop.finalText } : {}),
      ...(loop.error ? { error: problemOf(loop.error) } : {}),
    };
    return result;
  } finally {
    await runtime.close();
  }
}
