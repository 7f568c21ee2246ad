import { join } from 'node:path';
import {
  type ClaudeCodeRuntimeDeps,
  createClaudeCodeRuntime,
} from '../../../src/llm/backends/claude-code/claude-code-runtime.js';
import type {
  LlmRuntime,
  RateLimitGovernor,
  RateLimitSignal,
  ResolvedLlmConfig,
} from '../../../src/llm/port.js';
import { createRateLimitGovernor } from '../../../src/llm/rate-limit-governor.js';
import { tempDir } from '../../support/temp-dir.js';

/** The model the harness configures; Claude Code sends it to the server unchanged. */
export const CLAUDE_TEST_MODEL = 'claude-sonnet-4-6';
export const CLAUDE_REPAIR_MODEL = 'claude-haiku-4-5';

/**
 * The child environment a test hands the runtime as `config.env`: a throwaway HOME and Claude config
 * dir (nothing from this machine's sign-in), and the CLI's own request retries off so the runtime's
 * retries are the ones under test. Provider variables that stay on loopback are planted too: unless
 * the runtime scrubs them, the scripted server sees a bearer token and a planted header.
 */
export function claudeTestEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
    ANTHROPIC_AUTH_TOKEN: 'planted-token-9999',
    ANTHROPIC_CUSTOM_HEADERS: 'x-planted: yes',
    ...extra,
  };
}

export function claudeTestConfig(
  serverUrl: string,
  overrides: Partial<ResolvedLlmConfig> = {},
): ResolvedLlmConfig {
  const home = tempDir('ktx-claude-code-');
  return {
    backend: 'claude-code',
    models: { default: CLAUDE_TEST_MODEL, repair: CLAUDE_REPAIR_MODEL },
    promptCaching: {
      enabled: true,
      systemTtl: '1h',
      toolsTtl: '1h',
      historyTtl: '1h',
      vertexFallbackTo5m: false,
    },
    projectDir: home,
    env: claudeTestEnv(home),
    // The documented route to an Anthropic-compatible endpoint (llm.provider.claude-code.base_url).
    baseUrl: serverUrl,
    apiKey: 'sk-ant-test-abcd',
    ...overrides,
  };
}

/** A real governor with short backoffs, recording every signal reported to it. */
export function recordingGovernor(): RateLimitGovernor & { signals: RateLimitSignal[] } {
  const governor = createRateLimitGovernor({ baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 3 });
  const signals: RateLimitSignal[] = [];
  return {
    ...governor,
    signals,
    report(signal) {
      signals.push(signal);
      governor.report(signal);
    },
  };
}

export async function claudeTestRuntime(
  serverUrl: string,
  overrides: Partial<ResolvedLlmConfig> = {},
  deps: ClaudeCodeRuntimeDeps = {},
): Promise<LlmRuntime> {
  return createClaudeCodeRuntime(claudeTestConfig(serverUrl, overrides), {
    governor: recordingGovernor(),
    ...deps,
  });
}

/**
 * The contract suite's config: as claudeTestConfig, but the CLI may retry a request once, so a 429's
 * retry-after is honoured by the CLI itself (ktx pauses the governor for the same delay).
 */
export function claudeContractConfig(
  serverUrl: string,
  overrides: Partial<ResolvedLlmConfig> = {},
): ResolvedLlmConfig {
  const config = claudeTestConfig(serverUrl);
  return { ...config, env: { ...config.env, CLAUDE_CODE_MAX_RETRIES: '1' }, ...overrides };
}
