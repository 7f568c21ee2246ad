import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmRuntime, createRateLimitGovernor, type ResolvedLlmConfig } from '../../src/llm/index.js';
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

describe('debug request recorder (--debug-llm-requests)', () => {
  let server: ScriptedModelServer;
  beforeAll(async () => {
    server = await startScriptedModelServer();
  });
  afterAll(async () => server?.close());
  beforeEach(() => server.reset());

  it('§13 gap: the debug recorder writes one redacted JSONL line per provider call', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ktx-llm-debug-'));
    const debugFile = join(dir, 'nested', 'requests.jsonl');
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: { table: 'secret_table' } }] },
      { kind: 'text', text: 'done' },
    );
    const llm = await createLlmRuntime(anthropicConfig(server.url, { debugFile }));
    await llm.runAgentLoop({
      role: 'candidateExtraction',
      system: 'TOP SECRET SYSTEM',
      prompt: 'PRIVATE PROMPT',
      tools: lookup,
      stepBudget: 3,
      tags: { operationName: 'test-op' },
    });
    const text = await readFile(debugFile, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      backend: 'anthropic',
      role: 'candidateExtraction',
      model: 'claude-sonnet-4-6',
      operation: 'runAgentLoop',
      messageCount: 1,
      toolNames: ['lookup_table'],
      stream: false,
      status: 200,
      tags: { operationName: 'test-op' },
    });
    expect(lines[0].cacheMarkers).toEqual(['system[0]:1h', 'message[0]:5m', 'tool:lookup_table:1h']);
    expect(lines[1].messageCount).toBe(3);
    for (const secret of [
      'TOP SECRET',
      'PRIVATE PROMPT',
      'secret_table',
      'sk-ant-secret',
      'Describe one table',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('the debug recorder reads OpenAI Responses and Chat Completions bodies too, without markers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ktx-llm-debug-'));
    for (const [backend, model] of [
      ['openai', 'gpt-5-mini'],
      ['openai-compatible', 'llama3.1:8b'],
    ] as const) {
      const debugFile = join(dir, `${backend}.jsonl`);
      server.reset([
        { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: { table: 'a' } }] },
        { kind: 'text', text: 'done' },
      ]);
      const llm = await createLlmRuntime({
        ...anthropicConfig(server.url, { debugFile }),
        backend,
        models: { default: model },
      });
      await llm.runAgentLoop({
        role: 'default',
        system: 'SYSTEM TEXT',
        prompt: 'PROMPT TEXT',
        tools: lookup,
        stepBudget: 3,
      });
      const text = await readFile(debugFile, 'utf8');
      const lines = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => [line.backend, line.model, line.toolNames, line.cacheMarkers])).toEqual([
        [backend, model, ['lookup_table'], []],
        [backend, model, ['lookup_table'], []],
      ]);
      expect(lines[1].messageCount).toBeGreaterThan(lines[0].messageCount);
      expect(text).not.toContain('PROMPT TEXT');
      expect(text).not.toContain('SYSTEM TEXT');
    }
  });

  it('the debug recorder keeps whole lines under concurrent calls', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ktx-llm-debug-'));
    const debugFile = join(dir, 'requests.jsonl');
    server.push(...Array.from({ length: 12 }, (_, i) => ({ kind: 'text' as const, text: `answer ${i}` })));
    const llm = await createLlmRuntime(anthropicConfig(server.url, { debugFile }), {
      governor: createRateLimitGovernor({ maxConcurrency: 12 }),
    });
    await Promise.all(Array.from({ length: 12 }, () => llm.generateText({ role: 'triage', prompt: 'p' })));
    const lines = (await readFile(debugFile, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines.map((line) => JSON.parse(line).role)).toEqual(Array(12).fill('triage'));
  });
});
