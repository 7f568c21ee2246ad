import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import { createLlmRuntime } from '../../../src/llm/index.js';
import type { ResolvedLlmConfig } from '../../../src/llm/port.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { DEFAULT_PROMPT_CACHING, fastGovernor } from '../contract/backend-harnesses.js';

/**
 * Regressions of the ktx gateway backend (src/llm), found by running it against the scripted AI Gateway
 * protocol (they ran as `it.fails` until src/llm was fixed).
 */
let server: ScriptedModelServer;
let dir: string;

beforeAll(async () => {
  server = await startScriptedModelServer();
  dir = await mkdtemp(join(tmpdir(), 'ktx-gateway-gaps-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => server.reset());

const MODEL = 'anthropic/claude-sonnet-4-6';

function gatewayRuntime(extra: Partial<ResolvedLlmConfig> = {}) {
  return createLlmRuntime(
    {
      backend: 'gateway',
      models: { default: MODEL },
      promptCaching: DEFAULT_PROMPT_CACHING,
      projectDir: dir,
      env: {},
      baseUrl: `${server.url}/v1`,
      apiKey: 'vck-test-0000',
      ...extra,
    },
    { governor: fastGovernor() },
  );
}

describe('gateway backend regressions', () => {
  // `ai` replaces a GatewayAuthenticationError with AISDKError "GatewayError: Unauthenticated…" (no
  // status, no cause) when NODE_ENV=production; the classifier then finds no auth signal.
  it('a 401 is llm_auth even when NODE_ENV=production', async () => {
    server.push({ kind: 'error', status: 401 });
    const llm = await gatewayRuntime();
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
      expect(isKtxError(failure, 'llm_auth')).toBe(true);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });

  // Outside production the wrapped message carries ANSI colour codes, which end up in ktx's message.
  it('a 401 message carries no terminal escape codes', async () => {
    server.push({ kind: 'error', status: 401 });
    const llm = await gatewayRuntime();
    const failure = await llm.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
    expect(isKtxError(failure, 'llm_auth')).toBe(true);
    expect((failure as Error).message).not.toContain('\u001b[');
  });

  // The gateway body is the call options: messages under `prompt`, cache markers under
  // `providerOptions.anthropic.cacheControl`, the model in the `ai-language-model-id` header.
  it('the debug recorder counts messages, names the model and lists cache markers', async () => {
    const debugFile = join(dir, 'llm-debug.jsonl');
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'lookup_table', input: { table: 'orders' } }] },
      { kind: 'text', text: 'done' },
    );
    const llm = await gatewayRuntime({ debugFile });
    await llm.runAgentLoop({
      role: 'default',
      system: 'Use the tools.',
      prompt: 'Describe orders.',
      stepBudget: 3,
      tools: {
        lookup_table: {
          name: 'lookup_table',
          description: 'Describe one table.',
          inputSchema: z.object({ table: z.string() }),
          execute: async () => ({ markdown: 'table orders: 3 columns' }),
        },
      },
    });
    // The wire did carry the markers, so an empty list in the record is the recorder's miss.
    expect(JSON.stringify(server.scriptedRequests[0]?.body)).toContain('cacheControl');
    const records = (await readFile(debugFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { model?: string; messageCount: number; cacheMarkers: string[] });
    expect(records).toHaveLength(2);
    expect(records[1]?.model).toBe(MODEL);
    expect(records[1]?.messageCount).toBeGreaterThan(1);
    expect(records[1]?.cacheMarkers.length).toBeGreaterThan(0);
  });
});
