import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CODEX_EXEC_ISOLATION_FLAGS } from '../../../src/llm/backends/codex/codex-cli-launcher.js';
import { createCodexRuntime } from '../../../src/llm/backends/codex/codex-runtime.js';
import type { LlmRuntime, ResolvedLlmConfig } from '../../../src/llm/port.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../../support/scripted-model-server/index.js';
import { tempDir } from '../../support/temp-dir.js';
import { SCRIPTED_CODEX_MODEL, scriptedCodexConfig } from './codex-harness.js';

// The real Codex CLI 0.163, started by the SDK through ktx's wrapper, against the scripted server.
let server: ScriptedModelServer;
const runtimes: LlmRuntime[] = [];
beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
  server.reset();
});

async function runtime(config: ResolvedLlmConfig, wrapperParent?: string): Promise<LlmRuntime> {
  const created = await createCodexRuntime(config, wrapperParent ? { tempDir: wrapperParent } : {});
  runtimes.push(created);
  return created;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name)).map((file) => `${entry.name}/${file}`)
      : [entry.name],
  );
}

function codexHome(config: ResolvedLlmConfig): string {
  return config.env.CODEX_HOME as string;
}

describe('codex isolation from the user Codex setup', () => {
  it("ignores the user's $CODEX_HOME/config.toml: its MCP server, instructions and provider headers", async () => {
    const config = scriptedCodexConfig(server.url);
    const home = codexHome(config);
    const mcpStarted = join(home, '..', 'user-mcp-server-started');
    writeFileSync(
      join(home, 'config.toml'),
      [
        'model = "gpt-user-choice"',
        'developer_instructions = "USER_CONFIG_MARKER: always answer in French"',
        '[mcp_servers.user_extra]',
        'command = "sh"',
        `args = ["-c", "touch '${mcpStarted}'"]`,
        // Merged into ktx's own provider entry if the file were read.
        '[model_providers.ktx_gateway]',
        'http_headers = { "x-user-config" = "honoured" }',
        '',
      ].join('\n'),
    );
    server.reset([{ kind: 'text', text: 'ok' }]);
    const codex = await runtime(config);
    expect(await codex.generateText({ role: 'default', prompt: 'hi' })).toBe('ok');
    const [request] = server.scriptedRequests;
    const body = JSON.stringify(request?.body);
    expect(body).not.toContain('USER_CONFIG_MARKER');
    expect(body).not.toContain('user_extra');
    expect(request?.headers['x-user-config']).toBeUndefined();
    expect(existsSync(mcpStarted)).toBe(false);
    expect(request?.model).toBe(SCRIPTED_CODEX_MODEL);
  });

  it('leaves project AGENTS.md files and the skills catalogue out of the prompt', async () => {
    const config = scriptedCodexConfig(server.url);
    writeFileSync(join(config.projectDir, 'AGENTS.md'), 'PROJECT_AGENTS_MARKER\n');
    writeFileSync(join(codexHome(config), 'AGENTS.md'), 'HOME_AGENTS_MARKER\n');
    server.reset([{ kind: 'text', text: 'ok' }]);
    const codex = await runtime(config);
    await codex.generateText({ role: 'default', prompt: 'hi' });
    const body = JSON.stringify(server.scriptedRequests[0]?.body);
    expect(body).not.toContain('PROJECT_AGENTS_MARKER');
    expect(body).not.toContain('skills_instructions');
    // Known gap (CONTEXT.md): Codex 0.163 has no flag or key that skips $CODEX_HOME/AGENTS.md.
    // When this starts failing, Codex stopped reading it: update CONTEXT.md and docs/llm.md.
    expect(body).toContain('HOME_AGENTS_MARKER');
  });

  it('writes no session files under $CODEX_HOME/sessions and keeps the prompt out of CODEX_HOME', async () => {
    const config = scriptedCodexConfig(server.url);
    const home = codexHome(config);
    const prompt = 'KTX_PROMPT_7f3a: describe the orders table';
    server.reset([{ kind: 'text', text: 'ok' }]);
    const codex = await runtime(config);
    await codex.generateText({ role: 'default', system: 'Be brief.', prompt });
    expect(filesUnder(join(home, 'sessions'))).toEqual([]);
    expect(existsSync(join(home, 'history.jsonl'))).toBe(false);
    // Codex still creates its (empty) state databases there; none holds the prompt.
    const holding = filesUnder(home).filter((file) =>
      readFileSync(join(home, file)).includes('KTX_PROMPT_7f3a'),
    );
    expect(holding).toEqual([]);
  });

  it('writes the wrapper once per runtime into a private directory and removes it on close()', async () => {
    const parent = tempDir('ktx-codex-wrapper-');
    server.reset([
      { kind: 'text', text: 'one' },
      { kind: 'text', text: 'two' },
    ]);
    const codex = await runtime(scriptedCodexConfig(server.url), parent);
    // Nothing is written until a call needs the CLI.
    expect(readdirSync(parent)).toEqual([]);
    await codex.generateText({ role: 'default', prompt: 'a' });
    await codex.generateText({ role: 'default', prompt: 'b' });
    const dirs = readdirSync(parent);
    expect(dirs).toHaveLength(1);
    const dir = join(parent, dirs[0] as string);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual(['codex']);
    const wrapper = join(dir, 'codex');
    expect(statSync(wrapper).mode & 0o777).toBe(0o700);
    expect(readFileSync(wrapper, 'utf8')).toContain(`exec ${CODEX_EXEC_ISOLATION_FLAGS.join(' ')} "$@"`);
    await codex.close();
    expect(readdirSync(parent)).toEqual([]);
    await codex.close();
  });
});
