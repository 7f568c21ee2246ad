import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../../src/core/index.js';
import { claudeCodeIgnoredSettings } from '../../../src/llm/backends/claude-code/claude-code-ignored-settings.js';
import { assertClaudeCodeIsolation } from '../../../src/llm/backends/claude-code/claude-code-isolation.js';
import { resolveClaudeCodeModel } from '../../../src/llm/backends/claude-code/claude-code-models.js';
import {
  CLAUDE_AGENT_SDK_RANGE,
  detectClaudeCodeSdk,
} from '../../../src/llm/backends/claude-code/claude-code-sdk.js';
import {
  normalizeResetAt,
  signalFromApiRetry,
  signalFromRateLimitInfo,
  usageFromResult,
} from '../../../src/llm/backends/claude-code/claude-code-signals.js';
import { repairJsonText as extractJson } from '../../../src/llm/json-repair.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('resolveClaudeCodeModel', () => {
  it('accepts the aliases and claude-* ids, dated ones included', () => {
    expect(resolveClaudeCodeModel(' Sonnet ')).toBe('sonnet');
    expect(resolveClaudeCodeModel('haiku')).toBe('haiku');
    expect(resolveClaudeCodeModel('claude-opus-4-1-20250805')).toBe('claude-opus-4-1-20250805');
    expect(resolveClaudeCodeModel('claude-sonnet-4-5')).toBe('claude-sonnet-4-5');
  });

  it.each(['gpt-5', 'anthropic/claude-sonnet-4-5', 'claude-', 'claude sonnet', '', 'sonnet-4'])(
    'rejects %j with llm_config naming the accepted forms (R12)',
    (id) => {
      const error = thrown(() => resolveClaudeCodeModel(id));
      expect(isKtxError(error, 'llm_config')).toBe(true);
      expect((error as { fix: string }).fix).toContain('sonnet, opus, haiku or a claude-* model id');
    },
  );
});

describe('Claude Code rate-limit signals', () => {
  it('normalises numeric-second, millisecond, numeric-string and ISO reset times (R15)', () => {
    expect(normalizeResetAt(1_900_000_000)).toBe(1_900_000_000_000);
    expect(normalizeResetAt(1_900_000_000_000)).toBe(1_900_000_000_000);
    expect(normalizeResetAt('1900000000')).toBe(1_900_000_000_000);
    expect(normalizeResetAt('2030-03-17T17:46:40.000Z')).toBe(Date.parse('2030-03-17T17:46:40.000Z'));
    expect(normalizeResetAt('soon')).toBeUndefined();
    expect(normalizeResetAt(0)).toBeUndefined();
  });

  it('maps rate_limit_event statuses and keeps type and utilization', () => {
    expect(
      signalFromRateLimitInfo({ status: 'rejected', resetsAt: 1_900_000_000, rateLimitType: 'five_hour' }),
    ).toEqual({
      provider: 'claude-code',
      status: 'rejected',
      resetAtMs: 1_900_000_000_000,
      rateLimitType: 'five_hour',
    });
    expect(signalFromRateLimitInfo({ status: 'allowed_warning', utilization: 85 })).toMatchObject({
      status: 'warning',
      utilization: 0.85,
    });
    expect(signalFromRateLimitInfo({ status: 'allowed', utilization: 0.2 }).status).toBe('allowed');
  });

  it('turns the CLI’s retried 429/529 into a rejection for the delay it waits (R16)', () => {
    expect(signalFromApiRetry({ error_status: 429, retry_delay_ms: 1200 })).toEqual({
      provider: 'claude-code',
      status: 'rejected',
      rateLimitType: 'api_retry',
      retryAfterMs: 1200,
    });
    expect(signalFromApiRetry({ error_status: 529 })?.status).toBe('rejected');
    expect(signalFromApiRetry({ error_status: 500 })).toBeUndefined();
    expect(signalFromApiRetry({ error_status: null })).toBeUndefined();
  });

  it('sums usage over every model of the query, cache tokens counted as input', () => {
    expect(
      usageFromResult({
        usage: { input_tokens: 1, output_tokens: 1 },
        modelUsage: {
          a: { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100, cacheCreationInputTokens: 20 },
          b: { inputTokens: 3, outputTokens: 2, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
        },
      }),
    ).toEqual({
      inputTokens: 133,
      outputTokens: 7,
      totalTokens: 140,
      cacheReadTokens: 100,
      cacheWriteTokens: 20,
    });
    expect(usageFromResult({ usage: { input_tokens: 4, output_tokens: 2 } })).toMatchObject({
      totalTokens: 6,
    });
    expect(usageFromResult({})).toEqual({});
  });
});

describe('assertClaudeCodeIsolation (R7, R8, R10)', () => {
  const ours = { name: 'ktx', status: 'connected', source: 'sdk' };
  const builtIn = { name: 'cc-plugin-privacy', path: 'builtin', source: 'cc-plugin-privacy@builtin' };

  it('accepts exactly our tools and server, with Claude Code’s built-in plugins', () => {
    expect(() =>
      assertClaudeCodeIsolation(
        { tools: ['mcp__ktx__a'], mcp_servers: [ours], plugins: [builtIn] },
        { toolIds: ['mcp__ktx__a'], mcpServer: true },
      ),
    ).not.toThrow();
    expect(() =>
      assertClaudeCodeIsolation(
        { tools: ['StructuredOutput'], mcp_servers: [] },
        { toolIds: ['StructuredOutput'], mcpServer: false },
      ),
    ).not.toThrow();
  });

  it.each([
    ['a built-in tool', { tools: ['mcp__ktx__a', 'Bash'], mcp_servers: [ours] }, 'unexpected tools Bash'],
    ['a missing tool', { tools: [], mcp_servers: [ours] }, 'missing tools mcp__ktx__a'],
    [
      'another MCP server',
      { tools: ['mcp__ktx__a'], mcp_servers: [ours, { name: 'github', status: 'connected' }] },
      'unexpected MCP servers github',
    ],
    [
      'our server down',
      { tools: ['mcp__ktx__a'], mcp_servers: [{ ...ours, status: 'failed' }] },
      'ktx MCP server failed',
    ],
    [
      'a configured server posing as ours',
      { tools: ['mcp__ktx__a'], mcp_servers: [{ ...ours, source: 'user' }] },
      'source user',
    ],
    [
      'an installed plugin',
      { tools: ['mcp__ktx__a'], mcp_servers: [ours], plugins: [{ name: 'evil', path: '/home/x/evil' }] },
      'plugins evil',
    ],
  ])('rejects %s', (_label, init, expected) => {
    const error = thrown(() =>
      assertClaudeCodeIsolation(init, { toolIds: ['mcp__ktx__a'], mcpServer: true }),
    );
    expect(isKtxError(error, 'llm_isolation')).toBe(true);
    expect((error as Error).message).toContain(expected);
  });

  it('rejects StructuredOutput in a text call or loop (R10)', () => {
    const error = thrown(() =>
      assertClaudeCodeIsolation(
        { tools: ['StructuredOutput'], mcp_servers: [] },
        { toolIds: [], mcpServer: false },
      ),
    );
    expect(isKtxError(error, 'llm_isolation')).toBe(true);
  });
});

describe('extractJson', () => {
  it('finds JSON in plain, fenced and prose-wrapped answers', () => {
    expect(extractJson('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(extractJson('Sure:\n```json\n{"a": [1, 2]}\n```\nDone.')).toEqual({ value: { a: [1, 2] } });
    expect(extractJson('The answer is {"a": {"b": 2}} as requested.')).toEqual({ value: { a: { b: 2 } } });
    expect(extractJson('[1, 2] trailing')).toEqual({ value: [1, 2] });
    expect(extractJson('no json here')).toBeUndefined();
    // A truncated document is closed rather than refused.
    expect(extractJson('{"a": 1')).toEqual({ value: { a: 1 } });
    expect(extractJson('```json\n{"a": [1, 2,], "b": "x,}",}\n```')).toEqual({
      value: { a: [1, 2], b: 'x,}' },
    });
  });

  it('stays bounded on long bracket-heavy text', () => {
    const started = performance.now();
    expect(extractJson('{'.repeat(5000) + '}'.repeat(10))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('claudeCodeIgnoredSettings (R35)', () => {
  const base = {
    enabled: true,
    systemTtl: '1h',
    toolsTtl: '1h',
    historyTtl: '1h',
    vertexFallbackTo5m: false,
  } as const;

  it('lists only the settings Claude Code cannot honour', () => {
    expect(claudeCodeIgnoredSettings({ promptCaching: base })).toEqual([]);
    expect(
      claudeCodeIgnoredSettings({
        promptCaching: { ...base, historyTtl: '5m', vertexFallbackTo5m: true },
        vertex: { location: 'us-east5' },
      }),
    ).toEqual([
      'llm.promptCaching.historyTtl',
      'llm.promptCaching.vertexFallbackTo5m',
      'llm.provider.vertex',
    ]);
    expect(claudeCodeIgnoredSettings({ promptCaching: { ...base, enabled: false, toolsTtl: '5m' } })).toEqual(
      [],
    );
  });
});

describe('Claude Agent SDK detection', () => {
  it('finds the installed SDK and its bundled binary', () => {
    const detection = detectClaudeCodeSdk();
    expect(detection.installed).toBe(true);
    expect(detection.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(detection.binaryPath).toMatch(/claude$/);
  });

  it('names the same version range as package.json in its install fix', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(pkg.devDependencies['@anthropic-ai/claude-agent-sdk']).toBe(CLAUDE_AGENT_SDK_RANGE);
    expect(pkg.dependencies?.['@anthropic-ai/claude-agent-sdk']).toBeUndefined();
  });
});
