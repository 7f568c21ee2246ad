import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { call, httpClient, TOOL_NAMES } from './mcp-client.js';

/**
 * Issue 7's "done when", as a new user does it: `ktx demo`, `ktx setup --agents` for Claude Code, Codex
 * and Cursor, `ktx mcp start`, then a real MCP client lists the tools and gets metric rows from
 * sl_query that match SQL written by hand against the demo warehouse.
 */
describe('demo project → agents configured → daemon → sl_query rows', () => {
  it('serves correct metric rows to an MCP client over the daemon', { timeout: 120_000 }, async () => {
    const work = tempDir('ktx-demo-agents-');
    const home = join(work, 'home');
    mkdirSync(join(home, '.codex'), { recursive: true });
    const env = { HOME: home, CODEX_HOME: join(home, '.codex') };
    const project = join(work, 'demo');

    const demo = await runCli(['--json', 'demo', '--dir', project], { env });
    expect(demo.code, demo.stderr).toBe(0);

    for (const target of ['claude-code', 'codex', 'cursor']) {
      const setup = await runCli(
        ['--project-dir', project, '--json', 'setup', '--agents', '--target', target],
        {
          env,
        },
      );
      expect(setup.code, `${target}: ${setup.stderr}${setup.stdout}`).toBe(0);
    }
    expect(existsSync(join(project, '.mcp.json'))).toBe(true);
    expect(existsSync(join(project, '.cursor', 'mcp.json'))).toBe(true);

    const start = await runCli(['--project-dir', project, '--json', 'mcp', 'start', '--port', '0'], { env });
    expect(start.code, start.stderr + start.stdout).toBe(0);
    const { url } = start.json<{ url: string }>();
    try {
      const client = await httpClient(url);
      const listed = await client.listTools();
      expect(listed.tools.map((tool) => tool.name).sort()).toEqual([...TOOL_NAMES].sort());

      const { result, structured } = await call(client, 'sl_query', {
        measures: ['support_tickets.ticket_count'],
        dimensions: ['support_tickets.priority'],
      });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const rows = (structured as { headers: string[]; rows: unknown[][] }).rows;
      const got = new Map(rows.map((row) => [String(row[0]), Number(row[1])]));

      // Independently written: tickets of real customers (the QA account excluded) by priority.
      const db = new Database(join(project, 'warehouse', 'brightdock.sqlite'), {
        readonly: true,
        fileMustExist: true,
      });
      const expected = db
        .prepare(
          `select t.priority as priority, count(*) as n from support_tickets t
           join accounts a on a.id = t.account_id where a.is_test = 0 group by t.priority`,
        )
        .all() as Array<{ priority: string; n: number }>;
      db.close();
      expect(expected.length).toBeGreaterThan(1);
      expect(got).toEqual(new Map(expected.map((row) => [row.priority, row.n])));
      await client.close();
    } finally {
      const stop = await runCli(['--project-dir', project, 'mcp', 'stop'], { env });
      expect(stop.code, stop.stderr).toBe(0);
    }
  });
});
