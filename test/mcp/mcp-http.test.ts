import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeHttpHandle, serveHttp } from '../../src/app/mcp/index.js';
import { call, httpClient, TOOL_NAMES } from './mcp-client.js';
import { makeMcpProject } from './mcp-project.js';

/** A raw request, so tests control Host, Origin, Authorization and the body exactly. */
function raw(
  url: string,
  options: { headers?: Record<string, string>; body?: string; method?: string; path?: string },
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path ?? target.pathname,
        method: options.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...options.headers,
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

describe('MCP over Streamable HTTP', () => {
  let dir: string;
  let open: ServeHttpHandle;
  beforeAll(async () => {
    dir = await makeMcpProject();
    open = await serveHttp({ location: { projectDir: dir, env: {} }, port: 0, writeState: false });
  }, 60_000);
  afterAll(async () => {
    await open?.close();
  });

  it('lists the tools and answers a metric question with correct rows', async () => {
    const client = await httpClient(open.url);
    const tools = await client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    for (const tool of tools.tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(150);
      expect(tool.description, tool.name).toContain('Example:');
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
      expect(tool.inputSchema.type).toBe('object');
    }
    const { result, structured } = await call(client, 'sl_query', {
      measures: ['orders.revenue', 'tickets.ticket_count'],
      dimensions: ['customers.segment'],
      order_by: [{ field: 'segment' }],
    });
    expect(result.isError).toBeFalsy();
    expect(structured).toMatchObject({ headers: ['segment', 'revenue', 'ticket_count'], mode: 'executed' });
    const rows = Object.fromEntries(
      (structured!.rows as unknown[][]).map((row) => [String(row[0]), row.slice(1)]),
    );
    // Totals preserved (the dangling order under NULL), empty group for dormant, no chasm double count.
    expect(rows).toEqual({ null: [7.25, 0], dormant: [null, 0], enterprise: [100, 1], smb: [35.5, 3] });
    expect((structured!.notes as string[]).join(' ')).toMatch(/chasm/);
    await client.close();
  });

  it('serves many clients at once from one project load', async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, () => httpClient(open.url)));
    const results = await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 5 }, () => call(client, 'sl_query', { measures: ['orders.order_count'] })),
      ),
    );
    for (const { result, structured } of results) {
      expect(result.isError).toBeFalsy();
      expect(structured?.rows).toEqual([[6]]);
    }
    await Promise.all(clients.map((client) => client.close()));
  });

  it('picks up a new source and an edited wiki page without a restart', async () => {
    const client = await httpClient(open.url);
    const missing = await call(client, 'sl_query', { measures: ['big_orders.big_count'] });
    expect(missing.result.isError).toBe(true);
    writeFileSync(
      join(dir, 'semantic-layer', 'shop', 'big_orders.yaml'),
      'name: big_orders\nsql: "SELECT id FROM orders WHERE amount >= 20"\ngrain: [id]\ncolumns:\n  - { name: id, type: number }\nmeasures:\n  - { name: big_count, expr: "count(*)" }\n',
    );
    const found = await call(client, 'sl_query', { measures: ['big_orders.big_count'] });
    expect(found.result.isError, found.text).toBeFalsy();
    expect(found.structured?.rows).toEqual([[2]]);
    const page = join(dir, 'wiki', 'global', 'metrics', 'refunds.md');
    writeFileSync(page, '---\nsummary: Refund policy\n---\n# Refunds\n\nRefunds take 14 days.\n');
    expect((await call(client, 'wiki_read', { key: 'metrics/refunds' })).text).toContain('14 days');
    writeFileSync(
      page,
      '---\nsummary: Refund policy\n---\n# Refunds\n\nRefunds take 30 days (the quokka rule).\n',
    );
    expect((await call(client, 'wiki_read', { key: 'metrics/refunds' })).text).toContain('30 days');
    const search = await call(client, 'wiki_search', { query: 'quokka rule' });
    expect(search.text).toContain('metrics/refunds');
    await client.close();
  });

  it('answers /health, and refuses a foreign Host or Origin with 403 (DNS rebinding)', async () => {
    const health = await raw(open.url, { method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', projectDir: dir });
    const ok = await raw(open.url, { body: INITIALIZE });
    expect(ok.status).toBe(200);
    const evilHost = await raw(open.url, {
      body: INITIALIZE,
      headers: { host: `evil.example:${open.port}` },
    });
    expect(evilHost.status).toBe(403);
    const evilOrigin = await raw(open.url, { body: INITIALIZE, headers: { origin: 'http://evil.example' } });
    expect(evilOrigin.status).toBe(403);
    const ownOrigin = await raw(open.url, {
      body: INITIALIZE,
      headers: { origin: `http://localhost:${open.port}` },
    });
    expect(ownOrigin.status).toBe(200);
  });

  it('refuses a body over the limit with 413 and a bad body with 400', async () => {
    const big = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
      params: { pad: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect((await raw(open.url, { body: big })).status).toBe(413);
    expect((await raw(open.url, { body: '{not json' })).status).toBe(400);
    expect((await raw(open.url, { method: 'GET' })).status).toBe(405);
    expect((await raw(open.url, { path: '/other' })).status).toBe(404);
  });
});

describe('MCP HTTP authentication', () => {
  const token = 'a-test-token-0123456789abcdef';
  let open: ServeHttpHandle;
  let dir: string;
  beforeAll(async () => {
    dir = await makeMcpProject();
    open = await serveHttp({
      location: { projectDir: dir, env: { MCP_TEST_TOKEN: token } },
      port: 0,
      token: 'env:MCP_TEST_TOKEN',
      writeState: false,
    });
  }, 60_000);
  afterAll(async () => {
    await open?.close();
  });

  it('answers 401 without the token or with a wrong one, and serves with it', async () => {
    expect(open.auth).toBe('env:MCP_TEST_TOKEN');
    expect((await raw(open.url, { body: INITIALIZE })).status).toBe(401);
    expect(
      (await raw(open.url, { body: INITIALIZE, headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    await expect(httpClient(open.url, 'not-the-token-at-all')).rejects.toThrow();
    const client = await httpClient(open.url, token);
    const { structured } = await call(client, 'connection_list');
    expect(structured).toMatchObject({ connections: [{ id: 'shop', driver: 'sqlite' }] });
    await client.close();
    // /health is a probe: it answers without the token, but with no project details.
    const health = JSON.parse((await raw(open.url, { method: 'GET', path: '/health' })).body);
    expect(health).toMatchObject({ status: 'ok', auth: 'token' });
    expect(health.projectDir).toBeUndefined();
  });

  it('refuses a non-loopback bind without a token, and a literal token on the command line', async () => {
    await expect(
      serveHttp({ location: { projectDir: dir, env: {} }, host: '0.0.0.0', port: 0, writeState: false }),
    ).rejects.toMatchObject({
      code: 'mcp_token_required',
    });
    await expect(
      serveHttp({
        location: { projectDir: dir, env: {} },
        port: 0,
        token: 'literal-secret-0123456789',
        writeState: false,
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('the mcp: block of ktx.yaml', () => {
  it('supplies the token and allowed origins; a flag still wins', async () => {
    const dir = await makeMcpProject();
    const token = 'config-token-0123456789abcdef';
    const configFile = join(dir, 'ktx.yaml');
    writeFileSync(
      configFile,
      `${readFileSync(configFile, 'utf8')}\nmcp:\n  token: env:MCP_CONFIG_TOKEN\n  allowed_origins: [https://notebook.example]\n`,
    );
    const open = await serveHttp({
      location: { projectDir: dir, env: { MCP_CONFIG_TOKEN: token } },
      port: 0,
      writeState: false,
    });
    try {
      expect(open.auth).toBe('env:MCP_CONFIG_TOKEN');
      expect((await raw(open.url, { body: INITIALIZE })).status).toBe(401);
      const allowed = await raw(open.url, {
        body: INITIALIZE,
        headers: { authorization: `Bearer ${token}`, origin: 'https://notebook.example' },
      });
      expect(allowed.status).toBe(200);
      const foreign = await raw(open.url, {
        body: INITIALIZE,
        headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
      });
      expect(foreign.status).toBe(403);
    } finally {
      await open.close();
    }
    const flagged = await serveHttp({
      location: { projectDir: dir, env: { MCP_CONFIG_TOKEN: token, FLAG_TOKEN: `${token}-flag` } },
      port: 0,
      token: 'env:FLAG_TOKEN',
      writeState: false,
    });
    expect(flagged.auth).toBe('env:FLAG_TOKEN');
    await flagged.close();
    // A literal token in the block is a config error, named with its line, before anything listens.
    writeFileSync(
      configFile,
      `${readFileSync(configFile, 'utf8').replace('env:MCP_CONFIG_TOKEN', 'plain-secret-token-0000')}`,
    );
    await expect(
      serveHttp({ location: { projectDir: dir, env: {} }, port: 0, writeState: false }),
    ).rejects.toMatchObject({ code: 'config_invalid' });
  });
});
