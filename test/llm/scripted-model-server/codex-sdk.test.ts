import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Codex, type CodexOptions, type ThreadEvent } from '@openai/codex-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { type BlockingProxy, startBlockingProxy } from './blocking-proxy.js';
import { startLoopbackMcpServer } from './loopback-mcp-server.js';

/**
 * The real Codex CLI (through @openai/codex-sdk) against the scripted server, with a custom model
 * provider speaking the Responses API: the recipe the Codex backend builds on (see the README).
 */
let server: ScriptedModelServer;
let proxy: BlockingProxy;
let home: string;

beforeAll(async () => {
  server = await startScriptedModelServer({ logUnknown: (line) => process.stderr.write(`${line}\n`) });
  proxy = await startBlockingProxy();
  home = tempDir('ktx-codex-home-');
  mkdirSync(join(home, '.codex'));
});
afterAll(async () => {
  await server.close();
  await proxy.close();
});
beforeEach(() => server.reset());
// The recipe's config must keep the CLI off the internet: every outbound attempt would show up here.
afterEach(() => expect(proxy.attempts).toEqual([]));

function codexOptions(
  extraConfig: NonNullable<CodexOptions['config']> = {},
  extraEnv: Record<string, string> = {},
) {
  return {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      CODEX_HOME: join(home, '.codex'),
      KTX_SCRIPTED_API_KEY: 'sk-test-wxyz',
      ...proxy.env,
      ...extraEnv,
    },
    config: {
      model_provider: 'ktx_scripted',
      model_providers: {
        ktx_scripted: {
          name: 'ktx scripted',
          base_url: `${server.url}/v1`,
          wire_api: 'responses',
          env_key: 'KTX_SCRIPTED_API_KEY',
          request_max_retries: 0,
          stream_max_retries: 0,
        },
      },
      // Without these two the CLI reaches chatgpt.com / github.com (plugin sync) and ab.chatgpt.com (metrics).
      features: { plugins: false },
      analytics: { enabled: false },
      history: { persistence: 'none' },
      ...extraConfig,
    },
  } satisfies CodexOptions;
}

async function run(
  codex: Codex,
  prompt: string,
  model = 'gpt-5.5',
  signal?: AbortSignal,
): Promise<ThreadEvent[]> {
  const thread = codex.startThread({
    model,
    workingDirectory: home,
    skipGitRepoCheck: true,
    sandboxMode: 'read-only',
    approvalPolicy: 'never',
    webSearchMode: 'disabled',
  });
  const { events } = await thread.runStreamed(prompt, { signal });
  const all: ThreadEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('Codex CLI against the scripted model server', () => {
  it('returns the scripted text and reports its usage', async () => {
    server.push({ kind: 'text', text: 'codex scripted hello', usage: { inputTokens: 33, outputTokens: 7 } });
    const events = await run(new Codex(codexOptions()), 'Say hello');
    const message = events.find(
      (event) => event.type === 'item.completed' && event.item.type === 'agent_message',
    );
    expect(
      message?.type === 'item.completed' && message.item.type === 'agent_message' && message.item.text,
    ).toBe('codex scripted hello');
    const completed = events.find((event) => event.type === 'turn.completed');
    expect(completed?.type === 'turn.completed' && completed.usage).toMatchObject({
      input_tokens: 33,
      output_tokens: 7,
    });
    const [main] = server.scriptedRequests;
    expect(main).toMatchObject({ api: 'responses', path: '/v1/responses', model: 'gpt-5.5', stream: true });
    expect(main?.headers.authorization).toBe('…wxyz');
    expect(server.requests.filter((request) => !request.scripted)).toEqual([]);
  });

  // gpt-5.5 supports Codex's tool_search, so its MCP tools are deferred and the server inserts the
  // search step; a model outside Codex's catalog gets the tools up front as namespace `mcp__ktx`.
  it.each([
    ['gpt-5.5', 3],
    ['gpt-ktx-scripted', 2],
  ])('delivers a scripted MCP tool call to a configured MCP server (%s)', async (model, requestCount) => {
    const mcp = await startLoopbackMcpServer();
    try {
      server.push(
        { kind: 'tool_calls', calls: [{ name: 'mcp__ktx__lookup_table', input: { table: 'orders' } }] },
        { kind: 'text', text: 'orders has 3 columns' },
      );
      const codex = new Codex(
        codexOptions(
          {
            mcp_servers: {
              ktx: {
                url: mcp.url,
                bearer_token_env_var: 'KTX_TEST_MCP_TOKEN',
                enabled_tools: ['lookup_table'],
                default_tools_approval_mode: 'approve',
                required: true,
              },
            },
          },
          { KTX_TEST_MCP_TOKEN: mcp.token },
        ),
      );
      const events = await run(codex, 'Describe orders', model);
      expect(mcp.calls).toEqual([{ table: 'orders' }]);
      const toolItem = events
        .map((event) => (event.type === 'item.completed' ? event.item : undefined))
        .find((item) => item?.type === 'mcp_tool_call');
      expect(toolItem).toMatchObject({
        server: 'ktx',
        tool: 'lookup_table',
        status: 'completed',
        error: null,
      });
      const messages = events
        .map((event) => (event.type === 'item.completed' ? event.item : undefined))
        .filter((item) => item?.type === 'agent_message');
      expect(messages.at(-1)).toMatchObject({ text: 'orders has 3 columns' });
      expect(server.requests).toHaveLength(requestCount);
      expect(server.scriptedRequests).toHaveLength(2);
      expect(JSON.stringify(server.scriptedRequests[1]?.body)).toContain('table orders has 3 columns');
      // Usage totals count the scripted turns only (the inserted search reports zero).
      const completed = events.find((event) => event.type === 'turn.completed');
      expect(completed?.type === 'turn.completed' && completed.usage.input_tokens).toBe(20);
    } finally {
      await mcp.close();
    }
  });

  it('answers an outputSchema turn with a json turn', async () => {
    server.push({ kind: 'json', value: { name: 'orders', rows: 3 } });
    const thread = new Codex(codexOptions()).startThread({
      model: 'gpt-5.5',
      workingDirectory: home,
      skipGitRepoCheck: true,
    });
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, rows: { type: 'number' } },
      required: ['name', 'rows'],
      additionalProperties: false,
    };
    const turn = await thread.run('Describe orders as JSON', { outputSchema: schema });
    expect(JSON.parse(turn.finalResponse)).toEqual({ name: 'orders', rows: 3 });
    const body = server.scriptedRequests[0]?.body as { text?: { format?: { type?: string } } } | undefined;
    expect(body?.text?.format?.type).toBe('json_schema');
  });

  // With request_max_retries = 0 the error ends the turn: `error` + `turn.failed` events carry the
  // message, then the SDK throws because `codex exec` exits with code 1 (the events come first).
  it.each([
    [401, 'unexpected status 401 Unauthorized: Incorrect API key provided'],
    [404, 'does not exist or you do not have access to it'],
    [429, 'exceeded retry limit, last status: 429 Too Many Requests'],
    [500, 'high demand'],
  ])('reports a scripted %s as a failed turn, then exits non-zero', async (status, text) => {
    server.push({ kind: 'error', status: status as 401 | 404 | 429 | 500 });
    const thread = new Codex(codexOptions()).startThread({
      model: 'gpt-5.5',
      workingDirectory: home,
      skipGitRepoCheck: true,
    });
    const events: ThreadEvent[] = [];
    const error = await (async () => {
      const { events: stream } = await thread.runStreamed('x');
      for await (const event of stream) events.push(event);
    })().catch((e: unknown) => e);
    expect(String(error)).toContain('Codex Exec exited with code 1');
    const failed = events.find((event) => event.type === 'turn.failed');
    expect(failed?.type === 'turn.failed' && failed.error.message).toContain(text);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts a hanging stream through the turn signal', async () => {
    server.push({ kind: 'hang', text: 'partial' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1000);
    const error = await run(new Codex(codexOptions()), 'x', 'gpt-5.5', controller.signal).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('AbortError');
    await expect.poll(() => server.scriptedRequests[0]?.clientClosedEarly).toBe(true);
  });
});
