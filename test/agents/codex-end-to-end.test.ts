import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Codex, type ThreadEvent, type ThreadItem } from '@openai/codex-sdk';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlockingProxy, startBlockingProxy } from '../llm/scripted-model-server/blocking-proxy.js';
import { runCli } from '../support/run-cli.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../support/scripted-model-server/index.js';
import { copyShopSemanticLayer, makeShopSqlite } from '../support/shop-project.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ktx.js');

// The user's own Codex config before ktx touches it: a comment, a setting and another (disabled) server.
const USER_CONFIG = `# my Codex settings
model_reasoning_effort = "low"

[mcp_servers.notes]
command = "notes-mcp"
enabled = false
`;

/**
 * The whole path a user takes: `ktx setup --agents --target codex --global` (the built binary) writes
 * $CODEX_HOME/config.toml, and the real Codex CLI — configured only by that file plus the scripted
 * model provider — starts `ktx mcp stdio`, calls `sl_query` and gets the shop's revenue rows.
 */
describe('Codex CLI configured by ktx setup --agents (needs `npm run build`)', () => {
  let server: ScriptedModelServer;
  let proxy: BlockingProxy;
  let project: string;
  let home: string;

  beforeAll(async () => {
    expect(
      existsSync(join(ROOT, 'dist', 'cli', 'main.js')),
      'run `npx tsc -p tsconfig.build.json` first',
    ).toBe(true);
    server = await startScriptedModelServer({ logUnknown: (line) => process.stderr.write(`${line}\n`) });
    proxy = await startBlockingProxy();
    project = tempDir('ktx-codex-project-');
    makeShopSqlite(join(project, 'shop.db'));
    const setup = await runCli([
      '--project-dir',
      project,
      'setup',
      '--no-input',
      '--database-url',
      join(project, 'shop.db'),
      '--database-connection-id',
      'shop',
    ]);
    expect(setup.code, setup.stderr).toBe(0);
    copyShopSemanticLayer(project, 'shop');
    home = tempDir('ktx-codex-home-');
    mkdirSync(join(home, '.codex'));
    writeFileSync(join(home, '.codex', 'config.toml'), USER_CONFIG);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
  });

  it('calls sl_query through ktx mcp stdio and returns the rows', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: home, CODEX_HOME: join(home, '.codex') };
    const setup = spawnSync(
      process.execPath,
      [BIN, '--project-dir', project, '--json', 'setup', '--agents', '--target', 'codex', '--global'],
      { encoding: 'utf8', env },
    );
    expect(setup.status, setup.stderr).toBe(0);
    const config = readFileSync(join(home, '.codex', 'config.toml'), 'utf8');
    expect(config.startsWith(USER_CONFIG)).toBe(true);
    expect(config).toContain('[mcp_servers.ktx]');
    expect(config).toContain('required = true');
    expect(readFileSync(join(home, '.codex', 'config.toml.ktx-backup'), 'utf8')).toBe(USER_CONFIG);

    server.push(
      {
        kind: 'tool_calls',
        calls: [
          {
            name: 'mcp__ktx__sl_query',
            input: {
              measures: ['orders.revenue'],
              dimensions: ['customers.segment'],
              order_by: [{ field: 'customers.segment' }],
              include_empty: false,
            },
          },
        ],
      },
      { kind: 'text', text: 'Revenue by segment is in the table above.' },
    );
    const codex = new Codex({
      env: { ...env, KTX_SCRIPTED_API_KEY: 'sk-test-wxyz', ...proxy.env },
      // Only the model provider comes from here; the MCP server comes from the file ktx wrote.
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
        features: { plugins: false },
        analytics: { enabled: false },
        history: { persistence: 'none' },
      },
    });
    const thread = codex.startThread({
      model: 'gpt-5.5',
      workingDirectory: project,
      skipGitRepoCheck: true,
      sandboxMode: 'read-only',
      approvalPolicy: 'never',
      webSearchMode: 'disabled',
    });
    const { events } = await thread.runStreamed('What is revenue by customer segment?');
    const all: ThreadEvent[] = [];
    for await (const event of events) all.push(event);
    const items = all.flatMap((event): ThreadItem[] => (event.type === 'item.completed' ? [event.item] : []));

    const call = items.find((item) => item.type === 'mcp_tool_call');
    expect(call, JSON.stringify(all)).toMatchObject({ server: 'ktx', tool: 'sl_query', status: 'completed' });

    // The expected rows, computed independently of ktx on the same SQLite file.
    const db = new Database(join(project, 'shop.db'), { readonly: true });
    const expected = db
      .prepare(
        'SELECT c.segment AS segment, SUM(o.amount) AS revenue FROM orders o LEFT JOIN customers c ON c.id = o.customer_id GROUP BY c.segment ORDER BY c.segment',
      )
      .all() as { segment: string | null; revenue: number }[];
    db.close();
    expect(expected.length).toBeGreaterThan(1);
    const structured =
      call?.type === 'mcp_tool_call' ? (call.result?.structured_content as { rows: unknown[][] }) : undefined;
    expect(structured?.rows.map(([segment, revenue]) => [segment, Number(revenue)])).toEqual(
      expected.map((row) => [row.segment, row.revenue]),
    );
    // The model's next turn carried the tool output back, and the agent answered.
    expect(JSON.stringify(server.scriptedRequests.at(-1)?.body)).toContain(String(expected[1]!.revenue));
    expect(items.filter((item) => item.type === 'agent_message').at(-1)).toMatchObject({
      text: 'Revenue by segment is in the table above.',
    });
    expect(server.pending).toHaveLength(0);
    expect(proxy.attempts).toEqual([]);
  }, 120_000);
});
