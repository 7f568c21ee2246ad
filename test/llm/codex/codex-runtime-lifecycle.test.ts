import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import { isAbortError } from '../../../src/llm/abort.js';
import { createCodexRuntime } from '../../../src/llm/backends/codex/codex-runtime.js';
import { CODEX_INSTALL_COMMAND } from '../../../src/llm/backends/codex/codex-sdk-loader.js';
import type { LlmRuntime, LlmToolSet } from '../../../src/llm/port.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { scriptedCodexConfig, scriptedCodexRuntime } from './codex-harness.js';

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

/** A tool that resolves `ran` when the model calls it. */
function signallingTool(): { tools: LlmToolSet; ran: Promise<void> } {
  let markRan = () => {};
  const ran = new Promise<void>((resolve) => {
    markRan = resolve;
  });
  return {
    ran,
    tools: {
      lookup_table: {
        name: 'lookup_table',
        description: 'Describe one table.',
        inputSchema: z.object({ table: z.string() }),
        execute: async ({ table }: { table: string }) => {
          markRan();
          return { markdown: `table ${table}: 3 columns` };
        },
      },
    },
  };
}

describe('codex runtime lifecycle', () => {
  it('close() during a running loop kills the Codex child at once; the loop rejects with AbortError', async () => {
    // One tool round-trip, then a model turn that streams a little and never finishes.
    server.reset([
      { kind: 'tool_calls', calls: [{ name: 'mcp__ktx__lookup_table', input: { table: 'orders' } }] },
      { kind: 'hang', text: 'thinking' },
    ]);
    const parent = tempDir('ktx-codex-wrapper-');
    const codex = await scriptedCodexRuntime(server.url, {}, { tempDir: parent });
    runtimes.push(codex);
    const { tools, ran } = signallingTool();
    const loop = codex.runAgentLoop({ role: 'default', system: 's', prompt: 'p', tools, stepBudget: 5 }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await ran;
    // The child is now waiting on the hanging second model request.
    await expect.poll(() => server.scriptedRequests.length, { timeout: 10_000 }).toBe(2);
    const closing = performance.now();
    await codex.close();
    const failure = await loop;
    const stoppedMs = performance.now() - closing;
    expect(isAbortError(failure)).toBe(true);
    // "Promptly": the SDK's abort kills the CLI process itself (the wrapper exec'd into it).
    expect(stoppedMs).toBeLessThan(2_000);
    await expect.poll(() => server.scriptedRequests[1]?.clientClosedEarly, { timeout: 2_000 }).toBe(true);
    // The wrapper directory went with the runtime, and a closed runtime refuses new work.
    expect(readdirSync(parent)).toEqual([]);
    const refused = await codex.generateText({ role: 'default', prompt: 'again' }).catch((e: unknown) => e);
    expect(isKtxError(refused, 'llm_provider_error')).toBe(true);
    expect(server.scriptedRequests).toHaveLength(2);
  });

  it('close() during generateText rejects the call with AbortError', async () => {
    server.reset([{ kind: 'hang', text: 'partial' }]);
    const codex = await scriptedCodexRuntime(server.url);
    runtimes.push(codex);
    const call = codex.generateText({ role: 'default', prompt: 'p' }).catch((e: unknown) => e);
    await expect.poll(() => server.scriptedRequests.length, { timeout: 10_000 }).toBe(1);
    await codex.close();
    expect(isAbortError(await call)).toBe(true);
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly, { timeout: 2_000 }).toBe(true);
  });

  it('without @openai/codex-sdk, creating the runtime fails with llm_not_installed and the install command', async () => {
    const parent = tempDir('ktx-codex-wrapper-');
    const error = await createCodexRuntime(scriptedCodexConfig(server.url), {
      sdkSpecifier: '@openai/codex-sdk-not-installed',
      tempDir: parent,
    }).catch((e: unknown) => e);
    expect(isKtxError(error, 'llm_not_installed')).toBe(true);
    expect((error as { fix?: string }).fix).toContain(CODEX_INSTALL_COMMAND);
    expect((error as { data?: Record<string, unknown> }).data).toMatchObject({ backend: 'codex' });
    // Nothing was started or written.
    expect(readdirSync(parent)).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
