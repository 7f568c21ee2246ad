import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../support/scripted-model-server/index.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The "done when": each backend configured exactly as a new user would — `ktx setup … --no-input`
 * — then `ktx llm test` (probe + a tool loop) and `ktx status` against the scripted model server, through
 * the real providers, the real Claude Agent SDK binary and the real Codex CLI.
 */
interface Backend {
  name: string;
  model: string;
  /** Extra setup flags, given the scripted server's URL. */
  flags(url: string): string[];
  /** How the backend publishes the add_numbers tool to the model. */
  tool: string;
}

const BACKENDS: Backend[] = [
  {
    name: 'anthropic',
    model: 'claude-sonnet-4-6',
    flags: (url) => ['--llm-base-url', `${url}/v1`, '--anthropic-api-key-env', 'KTX_TEST_LLM_KEY'],
    tool: 'add_numbers',
  },
  {
    name: 'openai',
    model: 'gpt-5.5',
    flags: (url) => ['--openai-base-url', `${url}/v1`, '--openai-api-key-env', 'KTX_TEST_LLM_KEY'],
    tool: 'add_numbers',
  },
  {
    name: 'openai-compatible',
    model: 'llama3.1:8b',
    flags: (url) => ['--llm-base-url', `${url}/v1`],
    tool: 'add_numbers',
  },
  {
    name: 'claude-code',
    model: 'sonnet',
    flags: (url) => ['--llm-base-url', url, '--llm-api-key-env', 'KTX_TEST_LLM_KEY'],
    tool: 'mcp__ktx__add_numbers',
  },
  {
    name: 'codex',
    model: 'gpt-5.5',
    flags: (url) => ['--llm-base-url', `${url}/v1`, '--llm-api-key-env', 'KTX_TEST_LLM_KEY'],
    tool: 'mcp__ktx__add_numbers',
  },
];

let server: ScriptedModelServer;
beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(async () => {
  await server.close();
});

function userEnv(): NodeJS.ProcessEnv {
  const home = tempDir('ktx-llm-home-');
  mkdirSync(join(home, '.codex'));
  return {
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    CODEX_HOME: join(home, '.codex'),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
    KTX_TEST_LLM_KEY: 'sk-test-e2e-1234',
  };
}

describe.each(BACKENDS)('$name configured through ktx setup --no-input', (backend) => {
  it('passes setup (probe), ktx llm test (tool loop) and ktx status', { timeout: 120_000 }, async () => {
    const project = tempDir('ktx-llm-project-');
    const env = userEnv();
    const debugFile = join(project, 'llm-debug.jsonl');
    server.reset([{ kind: 'text', text: 'ok' }]);
    const setup = await runCli(
      [
        '--project-dir',
        project,
        '--json',
        'setup',
        '--no-input',
        '--llm-backend',
        backend.name,
        '--llm-model',
        backend.model,
        ...backend.flags(server.url),
      ],
      { env },
    );
    expect(setup.code, setup.stderr + setup.stdout).toBe(0);
    expect(setup.json()).toMatchObject({ llm: { backend: backend.name, model: backend.model, probe: {} } });
    const config = readFileSync(join(project, 'ktx.yaml'), 'utf8');
    expect(config).toContain(`backend: ${backend.name}`);
    expect(config).not.toContain('sk-test-e2e-1234');
    expect(server.pending).toHaveLength(0);

    server.reset([
      { kind: 'text', text: 'ok', usage: { inputTokens: 12, outputTokens: 1 } },
      { kind: 'tool_calls', calls: [{ name: backend.tool, input: { a: 20, b: 22 } }] },
      { kind: 'text', text: '42', usage: { inputTokens: 30, outputTokens: 2 } },
    ]);
    const test = await runCli(
      ['--project-dir', project, '--json', '--debug-llm-requests', debugFile, 'llm', 'test'],
      { env },
    );
    expect(test.code, test.stderr + test.stdout).toBe(0);
    const result = test.json<{
      probe: { ok: boolean };
      loop: { ok: boolean; toolCalls: number; stopReason: string; finalText?: string };
    }>();
    expect(result.probe.ok).toBe(true);
    expect(result.loop).toMatchObject({ ok: true, stopReason: 'natural', toolCalls: 1 });
    expect(result.loop.finalText).toContain('42');
    // The tool's answer reached the model: the request after the tool call carries the sum.
    const afterTool = server.scriptedRequests.at(-1);
    expect(JSON.stringify(afterTool?.body)).toContain('42');
    expect(server.pending).toHaveLength(0);

    // The debug file has one redacted line per provider call: no prompt text, no key.
    const debug = readFileSync(debugFile, 'utf8');
    expect(debug.trim().split('\n').length).toBeGreaterThanOrEqual(1);
    expect(debug).not.toContain('sk-test-e2e-1234');
    expect(debug).not.toContain('add 20 and 22');

    server.reset([{ kind: 'text', text: 'ok' }]);
    const status = await runCli(['--project-dir', project, '--json', 'status'], { env });
    const checks = status.json<{ checks: Array<{ id: string; level: string; message: string }> }>().checks;
    const llm = checks.filter((check) => check.id.startsWith('llm.'));
    expect(llm.find((check) => check.id === 'llm.backend')).toMatchObject({ level: 'ok' });
    expect(
      llm.find((check) => check.id === 'llm.probe'),
      JSON.stringify(llm),
    ).toMatchObject({ level: 'ok' });
  });
});

describe('a failing probe leaves ktx.yaml untouched', () => {
  it('401 during setup → llm_auth, exit 1, no llm block written', async () => {
    const project = tempDir('ktx-llm-project-');
    server.reset([{ kind: 'error', status: 401 }]);
    const setup = await runCli(
      [
        '--project-dir',
        project,
        'setup',
        '--no-input',
        '--llm-backend',
        'anthropic',
        '--llm-model',
        'claude-sonnet-4-6',
        '--llm-base-url',
        `${server.url}/v1`,
        '--llm-api-key-env',
        'KTX_TEST_LLM_KEY',
      ],
      { env: userEnv() },
    );
    expect(setup.code).toBe(1);
    expect(setup.stderr).toMatch(/probe failed, so ktx\.yaml was not changed/);
    expect(setup.stderr).toMatch(/Fix: /);
    expect(readFileSync(join(project, 'ktx.yaml'), 'utf8')).not.toContain('backend: anthropic');
  });
});
