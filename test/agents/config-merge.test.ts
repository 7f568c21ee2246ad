import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AgentTarget,
  installAgents,
  type McpLaunch,
  readInstallManifest,
} from '../../src/agents/index.js';
import { isKtxError } from '../../src/core/index.js';
import { tempDir } from '../support/temp-dir.js';

const STDIO: McpLaunch = {
  transport: 'stdio',
  command: '/usr/bin/node',
  args: ['/opt/ktx/bin/ktx.js', 'mcp', 'stdio', '--project-dir', '/work/shop'],
  envNames: ['SHOP_DB_URL'],
};

interface Case {
  target: AgentTarget;
  scope?: 'project' | 'global' | 'local';
  /** The client file holding the MCP entry, relative to the project (p) or home (h). */
  file: (p: string, h: string) => string;
  /** The user's file before ktx runs: another server and settings that must survive. */
  before: string;
  /** Reads ktx's entry and the user's other server back from the merged text. */
  entry: (text: string, projectDir: string) => unknown;
  other: (text: string) => unknown;
  broken: string;
}

// biome-ignore lint/suspicious/noExplicitAny: client files read back, shapes asserted by the tests
const json = (text: string) => JSON.parse(text) as Record<string, any>;

const CASES: Case[] = [
  {
    target: 'claude-code',
    file: (p) => join(p, '.mcp.json'),
    before:
      '{\n    "mcpServers": {\n        "github": { "type": "http", "url": "https://api.example.com/mcp" }\n    }\n}\n',
    entry: (text) => json(text).mcpServers.ktx,
    other: (text) => json(text).mcpServers.github,
    broken: '{ "mcpServers": { // mine\n } }',
  },
  {
    target: 'claude-code',
    scope: 'global',
    file: (_p, h) => join(h, '.claude.json'),
    before: '{"numStartups": 12, "mcpServers": {"github": {"command": "gh-mcp"}}, "projects": {}}',
    entry: (text) => json(text).mcpServers.ktx,
    other: (text) => [json(text).mcpServers.github, json(text).numStartups],
    broken: '[1, 2]',
  },
  {
    target: 'claude-code',
    scope: 'local',
    file: (_p, h) => join(h, '.claude.json'),
    before: '{"projects": {"/elsewhere": {"mcpServers": {"github": {"command": "gh-mcp"}}}}}',
    entry: (text, projectDir) => json(text).projects[projectDir].mcpServers.ktx,
    other: (text) => json(text).projects['/elsewhere'],
    broken: '{"projects": []}',
  },
  {
    target: 'claude-desktop',
    file: (_p, h) => join(h, '.config', 'Claude', 'claude_desktop_config.json'),
    before:
      '{"mcpServers": {"filesystem": {"command": "npx", "args": ["fs-mcp"]}}, "globalShortcut": "Alt+Space"}',
    entry: (text) => json(text).mcpServers.ktx,
    other: (text) => [json(text).mcpServers.filesystem, json(text).globalShortcut],
    broken: '{"mcpServers": ',
  },
  {
    target: 'codex',
    file: (p) => join(p, '.codex', 'config.toml'),
    before:
      '# team settings\nmodel = "gpt-5.5"\n\n[mcp_servers.docs]\ncommand = "docs-mcp" # keep me\nargs = ["--port", "3000"]\n',
    entry: (text) => /\[mcp_servers\.ktx\]\n(?:[^[\n].*\n)*/.exec(text)?.[0],
    other: (text) => /# team settings[\s\S]*# keep me\nargs = \["--port", "3000"\]\n/.exec(text)?.[0],
    broken: 'model = "gpt-5.5\n',
  },
  {
    target: 'codex',
    scope: 'global',
    file: (_p, h) => join(h, '.codex', 'config.toml'),
    before:
      '[mcp_servers.ktx]\ncommand = "old-ktx"\n\n# the next table\n[profiles.fast]\nmodel = "gpt-5.5-mini"\n',
    entry: (text) => /\[mcp_servers\.ktx\]\n(?:[^[\n#].*\n)*/.exec(text)?.[0],
    other: (text) => /\n\n# the next table\n\[profiles\.fast\]\nmodel = "gpt-5.5-mini"\n$/.exec(text)?.[0],
    broken: '[mcp_servers.ktx]\n[mcp_servers.ktx]\n',
  },
  {
    target: 'cursor',
    file: (p) => join(p, '.cursor', 'mcp.json'),
    before: '{"mcpServers": {"linear": {"url": "https://mcp.linear.app/sse"}}}',
    entry: (text) => json(text).mcpServers.ktx,
    other: (text) => json(text).mcpServers.linear,
    broken: '{"mcpServers": {"linear": {"url": "x",}}}',
  },
  {
    target: 'opencode',
    file: (p) => join(p, 'opencode.json'),
    before:
      '{"$schema": "https://opencode.ai/config.json", "theme": "nord", "mcp": {"jira": {"type": "remote", "url": "https://jira.example.com/mcp"}}}',
    entry: (text) => json(text).mcp.ktx,
    other: (text) => [json(text).mcp.jira, json(text).theme],
    broken: '{"mcp": "off"}',
  },
];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function setup(caseOf: Case, before: string | null) {
  const projectDir = tempDir('ktx-agents-project-');
  const home = tempDir('ktx-agents-home-');
  const file = caseOf.file(projectDir, home);
  if (before !== null) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, before, { mode: 0o600 });
  }
  const install = () =>
    installAgents({
      targets: [caseOf.target],
      ...(caseOf.scope ? { scope: caseOf.scope } : {}),
      projectDir,
      launch: STDIO,
      home,
      env: { HOME: home },
      platform: 'linux',
    });
  return { projectDir, home, file, install };
}

describe.each(CASES)('ktx setup --agents --target $target ($scope) on an existing user file', (caseOf) => {
  it('adds ktx, keeps everything else, backs up, and changes nothing the second time', () => {
    const { projectDir, file, install } = setup(caseOf, caseOf.before);
    const otherBefore = caseOf.other(caseOf.before);

    const [first] = install();
    const text = readFileSync(file, 'utf8');
    expect(caseOf.other(text)).toEqual(otherBefore);
    expect(caseOf.other(text)).toBeTruthy();
    const entry = caseOf.entry(text, projectDir);
    expect(JSON.stringify(entry)).toContain('/opt/ktx/bin/ktx.js');
    expect(JSON.stringify(entry)).not.toContain('old-ktx');
    const change = first!.files.find((f) => f.path === file);
    expect(change).toMatchObject({ action: 'updated', backup: `${file}.ktx-backup`, role: 'mcp-config' });
    expect(readFileSync(`${file}.ktx-backup`, 'utf8')).toBe(caseOf.before);
    // The user's permissions survive (the file may hold other servers' tokens), backup included.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.ktx-backup`).mode & 0o777).toBe(0o600);

    const [second] = install();
    expect(second!.changed).toBe(false);
    expect(second!.files.every((f) => f.action === 'unchanged')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readInstallManifest(projectDir).installs).toHaveLength(1);
  });

  it('refuses a malformed file with one line and writes nothing at all', () => {
    const { projectDir, home, file, install } = setup(caseOf, caseOf.broken);
    const before = [...filesUnder(projectDir), ...filesUnder(home)];
    let thrown: unknown;
    try {
      install();
    } catch (error) {
      thrown = error;
    }
    expect(isKtxError(thrown) && thrown.code).toBe('agent_config_malformed');
    const message = (thrown as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(caseOf.broken);
    expect([...filesUnder(projectDir), ...filesUnder(home)]).toEqual(before);
  });
});

describe('client entries', () => {
  it('creates each client file from nothing, with secrets only as references', () => {
    const projectDir = tempDir('ktx-agents-project-');
    const home = tempDir('ktx-agents-home-');
    const results = installAgents({
      targets: ['claude-code', 'codex', 'cursor', 'opencode', 'universal', 'claude-desktop'],
      projectDir,
      launch: STDIO,
      home,
      env: { HOME: home, SHOP_DB_URL: 'postgres://u:hunter2@db/shop' },
      platform: 'darwin',
    });
    expect(results.map((r) => [r.target, r.scope, r.changed])).toEqual([
      ['claude-code', 'project', true],
      ['codex', 'project', true],
      ['cursor', 'project', true],
      ['opencode', 'project', true],
      ['universal', 'project', true],
      ['claude-desktop', 'global', true],
    ]);
    const all = [...filesUnder(projectDir), ...filesUnder(home)]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(all).not.toContain('hunter2');
    expect(json(readFileSync(join(projectDir, '.mcp.json'), 'utf8')).mcpServers.ktx).toEqual({
      type: 'stdio',
      command: STDIO.command,
      args: STDIO.args,
    });
    expect(readFileSync(join(projectDir, '.codex', 'config.toml'), 'utf8')).toBe(
      [
        '[mcp_servers.ktx]',
        'command = "/usr/bin/node"',
        'args = ["/opt/ktx/bin/ktx.js", "mcp", "stdio", "--project-dir", "/work/shop"]',
        'env_vars = ["SHOP_DB_URL"]',
        'startup_timeout_sec = 30',
        'required = true',
        'default_tools_approval_mode = "approve"',
        '',
      ].join('\n'),
    );
    expect(json(readFileSync(join(projectDir, '.cursor', 'mcp.json'), 'utf8')).mcpServers.ktx.env).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Cursor's own reference syntax, written literally
      SHOP_DB_URL: '${env:SHOP_DB_URL}',
    });
    expect(json(readFileSync(join(projectDir, 'opencode.json'), 'utf8'))).toEqual({
      $schema: 'https://opencode.ai/config.json',
      mcp: {
        ktx: {
          type: 'local',
          command: [STDIO.command, ...STDIO.args],
          enabled: true,
          environment: { SHOP_DB_URL: '{env:SHOP_DB_URL}' },
        },
      },
    });
    const desktop = join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
    expect(json(readFileSync(desktop, 'utf8')).mcpServers.ktx).toEqual({
      command: STDIO.command,
      args: STDIO.args,
    });
    expect(results.at(-1)!.notes.join(' ')).toMatch(/SHOP_DB_URL.*did not copy/);
    // Skills and rules teach the workflow; AGENTS.md (shared by codex and universal) gets one section.
    expect(readFileSync(join(projectDir, '.claude', 'skills', 'ktx', 'SKILL.md'), 'utf8')).toMatch(
      /^---\nname: ktx\ndescription: .+\n---\n[\s\S]*discover_data[\s\S]*sl_query/,
    );
    expect(readFileSync(join(projectDir, '.cursor', 'rules', 'ktx.mdc'), 'utf8')).toMatch(
      /alwaysApply: false/,
    );
    expect(readFileSync(join(projectDir, 'AGENTS.md'), 'utf8').match(/<!-- ktx:begin/g)).toHaveLength(1);
  });

  it('writes HTTP entries that name the token variable, never the token', () => {
    const projectDir = tempDir('ktx-agents-project-');
    const home = tempDir('ktx-agents-home-');
    installAgents({
      targets: ['claude-code', 'codex', 'cursor', 'opencode'],
      projectDir,
      launch: {
        transport: 'http',
        url: 'http://127.0.0.1:7878/mcp',
        envNames: [],
        tokenEnv: 'KTX_MCP_TOKEN',
      },
      home,
      env: { HOME: home, KTX_MCP_TOKEN: 'secret-token-value-123' },
      platform: 'linux',
    });
    expect(json(readFileSync(join(projectDir, '.mcp.json'), 'utf8')).mcpServers.ktx).toEqual({
      type: 'http',
      url: 'http://127.0.0.1:7878/mcp',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code's own reference syntax, written literally
      headers: { Authorization: 'Bearer ${KTX_MCP_TOKEN}' },
    });
    expect(readFileSync(join(projectDir, '.codex', 'config.toml'), 'utf8')).toContain(
      'url = "http://127.0.0.1:7878/mcp"\nbearer_token_env_var = "KTX_MCP_TOKEN"\n',
    );
    expect(
      json(readFileSync(join(projectDir, '.cursor', 'mcp.json'), 'utf8')).mcpServers.ktx.headers,
    ).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Cursor's own reference syntax, written literally
      Authorization: 'Bearer ${env:KTX_MCP_TOKEN}',
    });
    expect(json(readFileSync(join(projectDir, 'opencode.json'), 'utf8')).mcp.ktx).toMatchObject({
      type: 'remote',
      headers: { Authorization: 'Bearer {env:KTX_MCP_TOKEN}' },
    });
    const all = [...filesUnder(projectDir), ...filesUnder(home)]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(all).not.toContain('secret-token-value-123');
  });

  it('writes through a symlinked config instead of replacing the link', () => {
    const projectDir = tempDir('ktx-agents-project-');
    const home = tempDir('ktx-agents-home-');
    const dotfiles = join(home, 'dotfiles', 'claude.json');
    mkdirSync(dirname(dotfiles));
    writeFileSync(dotfiles, '{"mcpServers": {}}\n');
    symlinkSync(dotfiles, join(home, '.claude.json'));
    installAgents({
      targets: ['claude-code'],
      scope: 'global',
      projectDir,
      launch: STDIO,
      home,
      env: { HOME: home },
      platform: 'linux',
    });
    expect(json(readFileSync(dotfiles, 'utf8')).mcpServers.ktx.command).toBe(STDIO.command);
    expect(existsSync(`${dotfiles}.ktx-backup`)).toBe(true);
  });

  it.each([
    ['cursor', 'local', /no --local scope/],
    ['universal', 'global', /no --global scope/],
  ] as const)('refuses --target %s --%s', (target, scope, message) => {
    const projectDir = tempDir('ktx-agents-project-');
    expect(() =>
      installAgents({
        targets: [target],
        scope,
        projectDir,
        launch: STDIO,
        home: projectDir,
        env: {},
        platform: 'linux',
      }),
    ).toThrow(message);
  });
});
