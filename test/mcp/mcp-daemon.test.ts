import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, httpClient, TOOL_NAMES } from './mcp-client.js';
import { makeMcpProject } from './mcp-project.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'ktx.js');
const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('ktx mcp start|status|logs|stop (a real background daemon)', () => {
  let dir: string;
  let port: number;
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const ktx = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [BIN, '--project-dir', dir, '--json', ...args], { env });
      return { code: 0, json: JSON.parse(stdout) as Record<string, unknown> };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, json: JSON.parse(failed.stdout) as Record<string, unknown> };
    }
  };
  beforeAll(async () => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
    }
    dir = await makeMcpProject();
    port = await freePort();
  }, 60_000);
  afterAll(async () => {
    // Never leave a daemon behind, whatever failed.
    await ktx('mcp', 'stop');
  });

  it('starts, reports, serves a client, logs, and stops', async () => {
    expect((await ktx('mcp', 'status')).json).toEqual({ running: false });
    const started = await ktx('mcp', 'start', '--port', String(port));
    expect(started.code).toBe(0);
    expect(started.json).toMatchObject({
      url: `http://127.0.0.1:${port}/mcp`,
      auth: 'none',
      alreadyRunning: false,
      projectDir: dir,
    });
    const pid = started.json.pid as number;
    expect(existsSync(join(dir, '.ktx', 'run', 'mcp.json'))).toBe(true);

    const again = await ktx('mcp', 'start', '--port', String(port));
    expect(again.json).toMatchObject({ alreadyRunning: true, pid });
    expect((await ktx('mcp', 'status')).json).toMatchObject({ running: true, pid, url: started.json.url });

    const client = await httpClient(started.json.url as string);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    const { structured } = await call(client, 'sl_query', {
      measures: ['orders.revenue'],
      dimensions: ['customers.segment'],
      order_by: [{ field: 'segment' }],
    });
    expect(structured?.rows).toEqual([
      [null, 7.25],
      ['dormant', null],
      ['enterprise', 100],
      ['smb', 35.5],
    ]);
    await client.close();

    const logs = await ktx('mcp', 'logs', '--lines', '20');
    expect((logs.json.lines as string[]).join('\n')).toMatch(
      /listening on http:\/\/127\.0\.0\.1:\d+\/mcp[\s\S]*tool=sl_query ok=true/,
    );

    const stopped = await ktx('mcp', 'stop');
    expect(stopped.json).toMatchObject({ stopped: true, pid });
    expect(() => process.kill(pid, 0)).toThrow();
    expect((await ktx('mcp', 'status')).json).toEqual({ running: false });
    const twice = await ktx('mcp', 'stop');
    expect(twice.code).toBe(1);
    expect(twice.json).toMatchObject({ error: { code: 'mcp_daemon_not_running' } });
  }, 60_000);

  it('refuses a non-loopback bind without a token before starting anything', async () => {
    const refused = await ktx('mcp', 'start', '--host', '0.0.0.0', '--port', String(port));
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({
      error: { code: 'mcp_token_required', fix: expect.stringContaining('--token') },
    });
    expect(existsSync(join(dir, '.ktx', 'run', 'mcp.json'))).toBe(false);
  });
});
