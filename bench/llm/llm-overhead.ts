import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, type LanguageModel, stepCountIs, tool } from 'ai';
import { z } from 'zod';
import { createLlmRuntime, type LlmRuntime, type LlmToolSet } from '../../src/llm/index.js';
import type { ResolvedLlmConfig } from '../../src/llm/port.js';
import {
  type ScriptedTurn,
  startScriptedModelServer,
} from '../../test/support/scripted-model-server/index.js';
import { formatRows, runGroups } from '../harness.mjs';

const STEPS = 5;
const server = await startScriptedModelServer();

const loopTurns = (): ScriptedTurn[] => [
  ...Array.from({ length: STEPS - 1 }, (_, i) => ({
    kind: 'tool_calls' as const,
    calls: [{ name: 'lookup_table', input: { table: `t${i}` } }],
  })),
  { kind: 'text', text: 'done' },
];

const ktxTools: LlmToolSet = {
  lookup_table: {
    name: 'lookup_table',
    description: 'Describe one table.',
    inputSchema: z.object({ table: z.string() }),
    execute: async ({ table }: { table: string }) => `table ${table}`,
  },
};
const directTools = {
  lookup_table: tool({
    description: 'Describe one table.',
    inputSchema: z.object({ table: z.string() }),
    execute: async ({ table }: { table: string }) => `table ${table}`,
  }),
};

interface Backend {
  name: ResolvedLlmConfig['backend'];
  model: string;
  direct: () => LanguageModel;
  apiKey?: string;
}

const v1 = `${server.url}/v1`;
const backends: Backend[] = [
  {
    name: 'anthropic',
    model: 'claude-sonnet-4-6',
    apiKey: 'sk-bench',
    direct: () => createAnthropic({ apiKey: 'sk-bench', baseURL: v1 })('claude-sonnet-4-6'),
  },
  {
    name: 'openai',
    model: 'gpt-5-mini',
    apiKey: 'sk-bench',
    direct: () => createOpenAI({ apiKey: 'sk-bench', baseURL: v1 }).responses('gpt-5-mini'),
  },
  {
    name: 'openai-compatible',
    model: 'llama3.1:8b',
    direct: () => createOpenAICompatible({ name: 'bench', baseURL: v1 }).chatModel('llama3.1:8b'),
  },
];

const groups = backends.map((backend) => {
  let runtime: LlmRuntime;
  const model = backend.direct();
  return {
    name: `llm-loop-${backend.name}`,
    runs: 30,
    warmup: 3,
    setup: async () => {
      runtime = await createLlmRuntime({
        backend: backend.name,
        models: { default: backend.model },
        ...(backend.apiKey ? { apiKey: backend.apiKey } : {}),
        baseUrl: v1,
        promptCaching: {
          enabled: true,
          systemTtl: '1h',
          toolsTtl: '1h',
          historyTtl: '5m',
          vertexFallbackTo5m: true,
        },
        projectDir: process.cwd(),
        env: {},
      });
    },
    teardown: async () => runtime.close(),
    baseline: {
      name: `AI SDK generateText, ${STEPS}-step tool loop`,
      run: async () => {
        server.reset(loopTurns());
        await generateText({
          model,
          system: 's',
          prompt: 'p',
          tools: directTools,
          stopWhen: stepCountIs(10),
        });
      },
    },
    cases: [
      {
        name: `ktx runAgentLoop, ${STEPS}-step tool loop`,
        target: 1.5,
        run: async () => {
          server.reset(loopTurns());
          const result = await runtime.runAgentLoop({
            role: 'default',
            system: 's',
            prompt: 'p',
            tools: ktxTools,
            stepBudget: 10,
          });
          if (result.stopReason !== 'natural') throw new Error(`unexpected stop ${result.stopReason}`);
        },
      },
    ],
  };
});

groups.push(
  ...backends.slice(0, 1).map((backend) => {
    let runtime: LlmRuntime;
    const model = backend.direct();
    return {
      name: `llm-call-${backend.name}`,
      runs: 40,
      warmup: 3,
      setup: async () => {
        runtime = await createLlmRuntime({
          backend: backend.name,
          models: { default: backend.model },
          apiKey: 'sk-bench',
          baseUrl: v1,
          promptCaching: {
            enabled: true,
            systemTtl: '1h',
            toolsTtl: '1h',
            historyTtl: '5m',
            vertexFallbackTo5m: true,
          },
          projectDir: process.cwd(),
          env: {},
        });
      },
      teardown: async () => runtime.close(),
      baseline: {
        name: 'AI SDK generateText, one call',
        run: async () => {
          server.reset([{ kind: 'text', text: 'ok' }]);
          await generateText({ model, prompt: 'p' });
        },
      },
      cases: [
        {
          name: 'ktx generateText, one call',
          target: 1.5,
          run: async () => {
            server.reset([{ kind: 'text', text: 'ok' }]);
            await runtime.generateText({ role: 'default', prompt: 'p' });
          },
        },
      ],
    };
  }),
);

try {
  const rows = await runGroups(groups, process.argv[2]);
  process.stdout.write(`${formatRows(rows)}\n`);
  for (const row of rows) {
    if (row.group.startsWith('llm-loop') && !row.name.includes('baseline'))
      process.stdout.write(`${row.group}: ${(row.median / STEPS).toFixed(3)} ms per step (ktx)\n`);
  }
} finally {
  await server.close();
}
