import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

interface Check {
  id: string;
  area: string;
  level: string;
  message: string;
  fix?: string;
}

function project(): { dir: string; home: string; run: (args: string[]) => ReturnType<typeof runCli> } {
  const dir = tempDir('ktx-setup-agents-');
  const home = tempDir('ktx-setup-agents-home-');
  writeFileSync(
    join(dir, 'ktx.yaml'),
    'connections:\n  shop:\n    driver: postgres\n    url: env:SHOP_DB_URL\n',
  );
  return { dir, home, run: (args) => runCli(['--project-dir', dir, ...args], { env: { HOME: home } }) };
}

describe('ktx setup --agents', () => {
  it('configures a client, says so, and says nothing changed on a re-run', async () => {
    const { dir, run } = project();
    const first = await run(['setup', '--agents', '--target', 'claude-code']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^MCP server: stdio, started by the client as: .+ mcp stdio --project-dir /);
    expect(first.stdout).toContain(
      `claude-code (project): configured\n  created   ${join(dir, '.mcp.json')}`,
    );
    const second = await run(['setup', '--agents', '--target', 'claude-code']);
    expect(second.stdout).toContain('claude-code (project): already configured, nothing changed');
    expect(second.stdout).toContain(`  unchanged ${join(dir, '.mcp.json')}`);

    const json = await run(['--json', 'setup', '--agents', '--target', 'codex,cursor']);
    const result = json.json<{
      server: { envNames: string[] };
      agents: { target: string; files: { action: string }[] }[];
    }>();
    expect(result.server.envNames).toEqual(['SHOP_DB_URL']);
    expect(result.agents.map((agent) => agent.target)).toEqual(['codex', 'cursor']);
  });

  it.each([
    [['--agents'], 2, /needs --target <client>/],
    [['--agents', '--target', 'curser'], 2, /Unknown agent target "curser" \(did you mean `cursor`\?\)\./],
    [['--agents', '--target', 'codex', '--global', '--local'], 2, /--global and --local cannot be combined/],
    [['--agents', '--target', 'codex', '--transport', 'sse'], 2, /Unknown MCP transport "sse"/],
    [['--agents', '--target', 'claude-desktop', '--transport', 'http'], 1, /cannot use --transport http/],
  ])('refuses %j with exit %i', async (args, code, message) => {
    const { run } = project();
    const result = await run(['setup', ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('needs a project', async () => {
    const dir = tempDir('ktx-no-project-');
    const result = await runCli(['--project-dir', dir, 'setup', '--agents', '--target', 'cursor'], {
      env: { HOME: dir },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No ktx.yaml/);
  });
});

describe('ktx status reports agent clients', () => {
  it('skips when none is configured, then lists each, and warns when an entry is gone', async () => {
    const { dir, home, run } = project();
    const agentChecks = async () =>
      (await run(['--json', 'status', '--fast']))
        .json<{ checks: Check[] }>()
        .checks.filter((c) => c.area === 'agents');
    expect(await agentChecks()).toEqual([
      expect.objectContaining({ id: 'agents.configured', level: 'skip' }),
    ]);

    mkdirSync(join(home, '.codex'));
    expect((await run(['setup', '--agents', '--target', 'claude-code'])).code).toBe(0);
    expect((await run(['setup', '--agents', '--target', 'codex', '--global'])).code).toBe(0);
    expect(await agentChecks()).toEqual([
      expect.objectContaining({
        id: 'agents.claude-code.project',
        level: 'ok',
        message: 'claude-code (project, stdio)',
      }),
      expect.objectContaining({ id: 'agents.codex.global', level: 'ok' }),
    ]);

    const config = join(home, '.codex', 'config.toml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('[mcp_servers.ktx]', '[mcp_servers.other]'));
    const codex = (await agentChecks()).find((c) => c.id === 'agents.codex.global');
    expect(codex).toMatchObject({
      level: 'warn',
      message: `codex (global, stdio): ${config} has no [mcp_servers.ktx] table`,
      fix: 'ktx setup --agents --target codex --global',
    });
    expect(dir).toBeTruthy();
  });
});
