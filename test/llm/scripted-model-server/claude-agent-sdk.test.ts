import { join } from 'node:path';
import { createSdkMcpServer, query, type SDKMessage, tool } from '@anthropic-ai/claude-agent-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { type BlockingProxy, startBlockingProxy } from './blocking-proxy.js';

/**
 * The real Claude Agent SDK and its bundled `claude` binary against the scripted server: the recipe
 * the Claude Code backend builds on (see test/support/scripted-model-server/README.md).
 */
let server: ScriptedModelServer;
let proxy: BlockingProxy;
let home: string;

beforeAll(async () => {
  server = await startScriptedModelServer({ logUnknown: (line) => process.stderr.write(`${line}\n`) });
  proxy = await startBlockingProxy();
  home = tempDir('ktx-claude-home-');
});
afterAll(async () => {
  await server.close();
  await proxy.close();
});
beforeEach(() => server.reset());
// The recipe's env must keep the binary off the internet: every outbound attempt would show up here.
afterEach(() => expect(proxy.attempts).toEqual([]));

function claudeEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_API_KEY: 'sk-test-abcd',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
    ...proxy.env,
  };
}

async function collect(messages: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const all: SDKMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

function resultOf(messages: SDKMessage[]) {
  const result = messages.find((message) => message.type === 'result');
  if (result?.type !== 'result') throw new Error('no result message');
  return result;
}

describe('Claude Agent SDK against the scripted model server', () => {
  it('returns the scripted text and reports its usage', async () => {
    server.push({ kind: 'text', text: 'scripted hello', usage: { inputTokens: 21, outputTokens: 4 } });
    const messages = await collect(
      query({
        prompt: 'Say hello',
        options: {
          cwd: home,
          model: 'claude-sonnet-4-6',
          maxTurns: 1,
          settingSources: [],
          tools: [],
          persistSession: false,
          permissionMode: 'dontAsk',
          env: claudeEnv(),
        },
      }),
    );
    const result = resultOf(messages);
    expect(result.subtype).toBe('success');
    expect(result.subtype === 'success' && result.result).toBe('scripted hello');
    expect(result.usage.input_tokens).toBe(21);
    expect(result.usage.output_tokens).toBe(4);
    expect(server.pending).toHaveLength(0);
    const [main] = server.scriptedRequests;
    expect(main?.api).toBe('anthropic');
    expect(main?.model).toBe('claude-sonnet-4-6');
    expect(main?.stream).toBe(true);
    expect(main?.headers['x-api-key']).toBe('…abcd');
  });

  it('round-trips a scripted tool call through an in-process MCP tool', async () => {
    const seen: string[] = [];
    const lookup = tool('lookup_table', 'Describe a table', { table: z.string() }, async ({ table }) => {
      seen.push(table);
      return { content: [{ type: 'text', text: `table ${table} has 3 columns` }] };
    });
    server.push(
      { kind: 'tool_calls', calls: [{ name: 'mcp__ktx__lookup_table', input: { table: 'orders' } }] },
      { kind: 'text', text: 'orders has 3 columns' },
    );
    const messages = await collect(
      query({
        prompt: 'Describe orders',
        options: {
          cwd: home,
          model: 'claude-sonnet-4-6',
          maxTurns: 3,
          settingSources: [],
          tools: [],
          allowedTools: ['mcp__ktx__lookup_table'],
          mcpServers: { ktx: createSdkMcpServer({ name: 'ktx', tools: [lookup] }) },
          strictMcpConfig: true,
          persistSession: false,
          permissionMode: 'dontAsk',
          env: claudeEnv(),
        },
      }),
    );
    const result = resultOf(messages);
    expect(result.subtype === 'success' && result.result).toBe('orders has 3 columns');
    expect(seen).toEqual(['orders']);
    const [first, second] = server.scriptedRequests;
    const offered = (first?.body as { tools?: Array<{ name: string }> } | undefined)?.tools?.map(
      (t) => t.name,
    );
    expect(offered).toContain('mcp__ktx__lookup_table');
    // The second turn carries the tool result back to the model.
    expect(JSON.stringify(second?.body)).toContain('table orders has 3 columns');
  });

  const baseOptions = () => ({
    cwd: home,
    model: 'claude-sonnet-4-6',
    settingSources: [],
    tools: [],
    persistSession: false,
    permissionMode: 'dontAsk' as const,
    env: claudeEnv(),
  });

  // With CLAUDE_CODE_MAX_RETRIES=0 an API error ends the query: the SDK iterator throws the error result.
  it.each([
    [401, 'Invalid API key'],
    [429, 'Request rejected (429)'],
  ])('turns a scripted %s into a thrown error result, without retrying', async (status, text) => {
    server.push({ kind: 'error', status: status as 401 | 429, retryAfterSeconds: 30 });
    const run = collect(query({ prompt: 'x', options: { ...baseOptions(), maxTurns: 1 } }));
    await expect(run).rejects.toThrow(text);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a streaming 404 once without streaming before failing (binary quirk)', async () => {
    server.push({ kind: 'error', status: 404 }, { kind: 'error', status: 404 });
    const run = collect(query({ prompt: 'x', options: { ...baseOptions(), maxTurns: 1 } }));
    await expect(run).rejects.toThrow("There's an issue with the selected model (claude-sonnet-4-6)");
    expect(server.requests.map((request) => request.stream)).toEqual([true, false]);
    expect(server.pending).toEqual([]);
  });

  it('returns a json turn as structured output', async () => {
    server.push({ kind: 'json', value: { name: 'orders', rows: 3 } });
    const messages = await collect(
      query({
        prompt: 'x',
        options: {
          ...baseOptions(),
          maxTurns: 5,
          outputFormat: {
            type: 'json_schema',
            schema: {
              type: 'object',
              properties: { name: { type: 'string' }, rows: { type: 'number' } },
              required: ['name', 'rows'],
            },
          },
        },
      }),
    );
    const result = resultOf(messages);
    expect(result.subtype === 'success' && result.structured_output).toEqual({ name: 'orders', rows: 3 });
    // The binary offers its StructuredOutput tool; the json turn answered through it and ended the query.
    const offered = (server.scriptedRequests[0]?.body as { tools?: Array<{ name: string }> } | undefined)
      ?.tools;
    expect(offered?.map((t) => t.name)).toContain('StructuredOutput');
    expect(server.scriptedRequests).toHaveLength(1);
  });

  it('interrupts a hanging stream on abort', async () => {
    server.push({ kind: 'hang', text: 'partial' });
    const abortController = new AbortController();
    const q = query({
      prompt: 'x',
      options: { ...baseOptions(), maxTurns: 1, abortController, includePartialMessages: true },
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const message of q) {
        seen.push(message.type);
        if (message.type === 'stream_event') abortController.abort();
      }
    })().catch((e: unknown) => e);
    expect(String(error)).toContain('aborted');
    expect(seen).toContain('stream_event');
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly).toBe(true);
  });
});
