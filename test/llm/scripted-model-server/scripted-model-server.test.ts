import { afterEach, describe, expect, it } from 'vitest';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';

/** The server's own contract, seen through plain fetch: queueing, classification, recording, shutdown. */
let server: ScriptedModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('scripted model server', () => {
  it('serves turns in order, records them and reports what is pending', async () => {
    server = await startScriptedModelServer({
      turns: [
        { kind: 'text', text: 'one' },
        { kind: 'text', text: 'two' },
      ],
    });
    const first = await (await post('/v1/messages', { model: 'm', max_tokens: 100, messages: [] })).json();
    expect(first).toMatchObject({ content: [{ type: 'text', text: 'one' }], stop_reason: 'end_turn' });
    expect(server.pending).toEqual([{ kind: 'text', text: 'two' }]);
    const second = await (await post('/messages', { model: 'm', max_tokens: 100, messages: [] })).json();
    expect(second).toMatchObject({ content: [{ type: 'text', text: 'two' }] });
    expect(server.scriptedRequests.map((request) => [request.path, request.turn])).toEqual([
      ['/v1/messages', { kind: 'text', text: 'one' }],
      ['/messages', { kind: 'text', text: 'two' }],
    ]);
    server.reset([{ kind: 'text', text: 'three' }]);
    expect(server.requests).toEqual([]);
    expect(server.pending).toHaveLength(1);
  });

  it('answers one-token probes without consuming a turn and honours a classify hook', async () => {
    server = await startScriptedModelServer({
      turns: [{ kind: 'text', text: 'main' }],
      classify: (request) =>
        JSON.stringify(request.body).includes('title please') ? 'title side call' : undefined,
    });
    await post('/v1/messages', { model: 'haiku', max_tokens: 1, messages: [] });
    const side = await (
      await post('/v1/chat/completions', { model: 'x', messages: [{ content: 'title please' }] })
    ).json();
    expect(side).toMatchObject({ choices: [{ message: { content: 'ok' } }] });
    expect(server.pending).toHaveLength(1);
    expect(server.requests.map((request) => request.auxiliaryReason)).toEqual([
      'one-token probe (quota / model check)',
      'title side call',
    ]);
  });

  it('can force embeddings to be scripted so a test can make them fail', async () => {
    server = await startScriptedModelServer({
      turns: [{ kind: 'error', status: 500 }],
      classify: (request) => (request.api === 'embeddings' ? false : undefined),
    });
    const response = await post('/v1/embeddings', { model: 'e', input: 'x' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { type: 'server_error' } });
  });

  it('sends Anthropic tool calls, malformed input included, in non-streaming form', async () => {
    server = await startScriptedModelServer({
      turns: [
        {
          kind: 'tool_calls',
          text: 'looking',
          calls: [
            { name: 'a', input: { x: 1 }, id: 'toolu_fixed' },
            { name: 'b', input: '{"x": ' },
          ],
        },
      ],
    });
    const body = await (await post('/v1/messages', { model: 'm', max_tokens: 9, messages: [] })).json();
    expect(body).toMatchObject({
      stop_reason: 'tool_use',
      content: [
        { type: 'text', text: 'looking' },
        { type: 'tool_use', id: 'toolu_fixed', name: 'a', input: { x: 1 } },
        { type: 'tool_use', name: 'b', input: '{"x": ' },
      ],
    });
  });

  it('reports rate-limit headers on a scripted 429', async () => {
    server = await startScriptedModelServer({
      turns: [{ kind: 'error', status: 429, retryAfterSeconds: 12 }],
    });
    const response = await post('/v1/messages', { model: 'm', max_tokens: 9, messages: [] });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('12');
    expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    const reset = Date.parse(response.headers.get('anthropic-ratelimit-requests-reset') ?? '');
    expect(reset - Date.now()).toBeGreaterThan(10_000);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it('closes promptly while a non-streaming hang is open', async () => {
    server = await startScriptedModelServer({ turns: [{ kind: 'hang' }] });
    const pending = post('/v1/responses', { model: 'm', input: 'x' }).catch((error: unknown) => error);
    await expect.poll(() => server?.requests.length).toBe(1);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    await server.close(); // idempotent
  });
});
