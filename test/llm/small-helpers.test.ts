import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../src/core/index.js';
import {
  createAbortError,
  isAbortError,
  linkAbortSignal,
  modelForRole,
  normalizeToolOutput,
  repairJsonText,
  retryAfterMsFromHeaders,
  throwIfAborted,
  utilizationFromHeaders,
  validateModelId,
} from '../../src/llm/index.js';

describe('abort helpers', () => {
  it('R31: recognises every abort shape and links a child controller to its parent', () => {
    expect(isAbortError(createAbortError())).toBe(true);
    expect(isAbortError(Object.assign(new Error('x'), { code: 'ABORT_ERR' }))).toBe(true);
    expect(isAbortError(new Error('x'))).toBe(false);
    const parent = new AbortController();
    const linked = linkAbortSignal(parent.signal);
    parent.abort();
    expect(linked.controller.signal.aborted).toBe(true);
    const early = linkAbortSignal(parent.signal);
    expect(early.controller.signal.aborted).toBe(true);
    const other = new AbortController();
    const disposed = linkAbortSignal(other.signal);
    disposed.dispose();
    other.abort();
    expect(disposed.controller.signal.aborted).toBe(false);
    expect(() => throwIfAborted(parent.signal)).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});

describe('normalizeToolOutput', () => {
  it('keeps markdown objects, wraps strings, and fences anything else as JSON', () => {
    expect(normalizeToolOutput({ markdown: '# hi', structured: { a: 1 } })).toEqual({
      markdown: '# hi',
      structured: { a: 1 },
    });
    expect(normalizeToolOutput('plain')).toEqual({ markdown: 'plain' });
    expect(normalizeToolOutput({ rows: 2 })).toEqual({
      markdown: '```json\n{\n  "rows": 2\n}\n```',
      structured: { rows: 2 },
    });
  });
});

describe('repairJsonText', () => {
  it('repairs fences, prose, trailing commas, truncation and double encoding', () => {
    expect(repairJsonText('```json\n{"a": 1,}\n```')?.value).toEqual({ a: 1 });
    expect(repairJsonText('Sure! {"a": [1, 2,]} hope that helps')?.value).toEqual({ a: [1, 2] });
    expect(repairJsonText('{"a": {"b": "x"')?.value).toEqual({ a: { b: 'x' } });
    expect(repairJsonText(JSON.stringify('{"a": 1,}'))?.value).toEqual({ a: 1 });
    expect(repairJsonText('{"s": "a, }"}')?.value).toEqual({ s: 'a, }' });
    expect(repairJsonText('table=orders')).toBeUndefined();
  });
});

describe('model roles and ids', () => {
  it('falls back to default for an unset role', () => {
    expect(modelForRole({ default: 'm1', repair: 'm2' }, 'repair')).toBe('m2');
    expect(modelForRole({ default: 'm1' }, 'curator')).toBe('m1');
  });

  it('R12/R25: a bad model id fails with llm_config naming the accepted forms', () => {
    const claude = validateModelId('claude-code', 'gpt-5');
    expect(claude.ok).toBe(false);
    if (!claude.ok) {
      expect(claude.error.code).toBe('llm_config');
      expect(claude.error.fix).toMatch(/sonnet, opus, haiku/);
    }
    const codex = validateModelId('codex', 'sonnet');
    expect(!codex.ok && isKtxError(codex.error, 'llm_config') && codex.error.fix).toMatch(/gpt-\*/);
    expect(validateModelId('codex', 'codex')).toEqual({ ok: true, model: 'gpt-5.5' });
    expect(validateModelId('anthropic', 'claude-sonnet-4-6').ok).toBe(true);
    const spaced = validateModelId('openai-compatible', 'llama 3');
    expect(!spaced.ok && spaced.error.code).toBe('llm_config');
  });
});

describe('rate-limit headers', () => {
  it('R28: reads utilization from anthropic-ratelimit-* and x-ratelimit-* pairs', () => {
    expect(
      utilizationFromHeaders({
        'anthropic-ratelimit-requests-limit': '100',
        'anthropic-ratelimit-requests-remaining': '90',
        'anthropic-ratelimit-tokens-limit': '1000',
        'anthropic-ratelimit-tokens-remaining': '50',
      }),
    ).toBe(0.95);
    expect(
      utilizationFromHeaders({ 'x-ratelimit-limit-requests': '10', 'x-ratelimit-remaining-requests': '5' }),
    ).toBe(0.5);
    expect(utilizationFromHeaders({ 'content-type': 'application/json' })).toBeUndefined();
  });

  it('reads retry-after as seconds, milliseconds, an HTTP date or an Anthropic reset time', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMsFromHeaders({ 'retry-after': '3' }, now)).toBe(3000);
    expect(retryAfterMsFromHeaders({ 'retry-after-ms': '250' }, now)).toBe(250);
    expect(retryAfterMsFromHeaders({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMsFromHeaders({ 'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:09Z' }, now)).toBe(
      9000,
    );
  });
});

describe('detectLlmSdk', () => {
  it('reports the optional agent SDKs (installed here as dev dependencies) and nothing for API backends', async () => {
    const { detectLlmSdk } = await import('../../src/llm/index.js');
    expect(await detectLlmSdk('anthropic')).toBeUndefined();
    expect(await detectLlmSdk('claude-code')).toMatchObject({
      name: '@anthropic-ai/claude-agent-sdk',
      installed: true,
    });
    // Only the name here: codex detection uses import.meta.resolve, which vitest's transform lacks.
    expect(await detectLlmSdk('codex')).toMatchObject({ name: '@openai/codex-sdk' });
  });
});
