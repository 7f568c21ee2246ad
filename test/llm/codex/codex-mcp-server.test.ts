import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CodexMcpServerHandle,
  startCodexMcpServer,
} from '../../../src/llm/backends/codex/codex-mcp-server.js';
import type { LlmToolSet } from '../../../src/llm/port.js';

const tools: LlmToolSet = {
  add: {
    name: 'add',
    description: 'Adds two numbers',
    inputSchema: z.object({ a: z.number(), b: z.number() }),
    execute: async ({ a, b }: { a: number; b: number }) => ({
      markdown: `The sum is ${a + b}.`,
      structured: { sum: a + b },
    }),
  },
  explode: {
    name: 'explode',
    description: 'Always fails',
    inputSchema: z.object({}),
    execute: async () => {
      throw new Error('warehouse unreachable');
    },
  },
};

const handles: CodexMcpServerHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
});

async function start(maxBodyBytes?: number): Promise<CodexMcpServerHandle> {
  const handle = await startCodexMcpServer({ tools, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
  handles.push(handle);
  return handle;
}

interface RawResponse {
  status: number;
  body: string;
}

/** A raw POST with full control over Host, Origin and Authorization (fetch would fix Host for us). */
function rawPost(url: string, headers: Record<string, string>, body: string | Buffer): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // A server refusing a large body may close before it is all written; the status still arrives.
    req.on('error', reject);
    req.end(body);
  });
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
});

function hostOf(url: string): string {
  return new URL(url).host;
}

describe('codex loopback MCP server', () => {
  it('serves exactly the run tools to a client holding the bearer token', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), {
        requestInit: { headers: { authorization: `Bearer ${server.bearerToken}` } },
      }),
    );
    const listed = await client.listTools();
    expect(listed.tools.map((tool) => tool.name).sort()).toEqual(['add', 'explode']);
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    // Markdown only: Codex shows the model structuredContent instead of the text when both are sent.
    expect(result.content).toEqual([{ type: 'text', text: 'The sum is 5.' }]);
    expect(result.structuredContent).toBeUndefined();
    const failed = await client.callTool({ name: 'explode', arguments: {} });
    expect(failed.isError).toBe(true);
    expect(JSON.stringify(failed.content)).toContain('warehouse unreachable');
    expect(server.toolCalls.map((call) => [call.name, call.ok])).toEqual([
      ['add', true],
      ['explode', false],
    ]);
    await client.close();
  });

  it('answers 401 without the bearer token or with a wrong one', async () => {
    const server = await start();
    const host = hostOf(server.url);
    expect((await rawPost(server.url, { host }, initialize)).status).toBe(401);
    expect((await rawPost(server.url, { host, authorization: 'Bearer nope' }, initialize)).status).toBe(401);
    const wrongSameLength = 'x'.repeat(server.bearerToken.length);
    expect(
      (await rawPost(server.url, { host, authorization: `Bearer ${wrongSameLength}` }, initialize)).status,
    ).toBe(401);
    const ok = await rawPost(server.url, { host, authorization: `Bearer ${server.bearerToken}` }, initialize);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('ktx-runtime');
  });

  it('answers 403 to a foreign Host or Origin even with the right token (DNS rebinding)', async () => {
    const server = await start();
    const auth = { authorization: `Bearer ${server.bearerToken}` };
    const port = new URL(server.url).port;
    expect((await rawPost(server.url, { ...auth, host: `evil.example:${port}` }, initialize)).status).toBe(
      403,
    );
    expect((await rawPost(server.url, { ...auth, host: '127.0.0.1:1' }, initialize)).status).toBe(403);
    expect(
      (
        await rawPost(
          server.url,
          { ...auth, host: hostOf(server.url), origin: 'https://evil.example' },
          initialize,
        )
      ).status,
    ).toBe(403);
    expect((await rawPost(server.url, { ...auth, host: `localhost:${port}` }, initialize)).status).toBe(200);
  });

  it('answers 413 to a body over the limit', async () => {
    const server = await start(4096);
    const headers = { host: hostOf(server.url), authorization: `Bearer ${server.bearerToken}` };
    const big = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
      params: { pad: 'x'.repeat(10_000) },
    });
    expect((await rawPost(server.url, headers, big)).status).toBe(413);
  });

  it('stops listening and leaves no socket open after close, also on abort', async () => {
    const server = await start();
    const headers = { host: hostOf(server.url), authorization: `Bearer ${server.bearerToken}` };
    expect((await rawPost(server.url, headers, initialize)).status).toBe(200);
    await server.close();
    await server.close();
    expect(server.openConnections()).toBe(0);
    await expect(rawPost(server.url, headers, initialize)).rejects.toThrow(/ECONNREFUSED/);

    const controller = new AbortController();
    const aborted = await startCodexMcpServer({ tools, signal: controller.signal });
    handles.push(aborted);
    expect(
      (
        await rawPost(
          aborted.url,
          { ...headers, host: hostOf(aborted.url), authorization: `Bearer ${aborted.bearerToken}` },
          initialize,
        )
      ).status,
    ).toBe(200);
    controller.abort();
    await aborted.close();
    expect(aborted.openConnections()).toBe(0);
    await expect(rawPost(aborted.url, { host: hostOf(aborted.url) }, initialize)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('uses a fresh random token per server', async () => {
    const [one, two] = await Promise.all([start(), start()]);
    expect(one?.bearerToken).toMatch(/^[0-9a-f]{64}$/);
    expect(one?.bearerToken).not.toBe(two?.bearerToken);
  });
});
