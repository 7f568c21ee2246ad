import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CodexRuntimeDeps, createCodexRuntime } from '../../../src/llm/backends/codex/codex-runtime.js';
import type { LlmRuntime, ResolvedLlmConfig } from '../../../src/llm/port.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * A model id Codex has no catalog entry for. With a catalogued one (gpt-5.5) Codex defers MCP tools
 * behind its `tool_search` tool, which a scripted turn cannot drive; with this one it offers them
 * directly, as `namespace: mcp__ktx`, and only notes the missing metadata as a non-fatal item.
 */
export const SCRIPTED_CODEX_MODEL = 'gpt-ktx-scripted';
export const SCRIPTED_API_KEY = 'sk-scripted-codex-0000';

/**
 * The config a test hands the Codex runtime: the real Codex CLI, pointed at the scripted server as an
 * OpenAI-compatible gateway (`baseUrl` → a `model_providers` entry), with a throw-away CODEX_HOME so
 * no user config, sign-in or session history is read or written.
 */
export function scriptedCodexConfig(
  serverUrl: string,
  overrides: Partial<ResolvedLlmConfig> = {},
): ResolvedLlmConfig {
  const root = tempDir('ktx-codex-');
  const home = join(root, 'home');
  const project = join(root, 'project');
  mkdirSync(home);
  mkdirSync(project);
  return {
    backend: 'codex',
    models: { default: SCRIPTED_CODEX_MODEL },
    apiKey: SCRIPTED_API_KEY,
    baseUrl: `${serverUrl}/v1`,
    promptCaching: {
      enabled: true,
      systemTtl: '1h',
      toolsTtl: '1h',
      historyTtl: '5m',
      vertexFallbackTo5m: false,
    },
    projectDir: project,
    env: { PATH: process.env.PATH, HOME: home, CODEX_HOME: home, TMPDIR: root },
    ...overrides,
  };
}

export function scriptedCodexRuntime(
  serverUrl: string,
  overrides: Partial<ResolvedLlmConfig> = {},
  deps: CodexRuntimeDeps = {},
): Promise<LlmRuntime> {
  return createCodexRuntime(scriptedCodexConfig(serverUrl, overrides), deps);
}
