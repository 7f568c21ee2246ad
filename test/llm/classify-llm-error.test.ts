import { APICallError } from '@ai-sdk/provider';
import { RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { isKtxError, KtxError } from '../../src/core/index.js';
import { classifyLlmError, createAbortError, inspectLlmError } from '../../src/llm/index.js';

const context = { backend: 'anthropic', model: 'claude-sonnet-4-6' };

function apiError(statusCode: number, message: string, headers: Record<string, string> = {}) {
  return new APICallError({
    message,
    url: 'http://127.0.0.1/v1/messages',
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
    responseBody: JSON.stringify({ error: { message } }),
  });
}

describe('classifyLlmError', () => {
  it('maps HTTP statuses onto llm_* codes, each with a fix line', () => {
    const cases: Array<[number, string, string]> = [
      [401, 'invalid x-api-key', 'llm_auth'],
      [403, 'permission denied', 'llm_auth'],
      [404, 'model: claude-x not found', 'llm_model_unavailable'],
      [429, 'slow down', 'llm_rate_limited'],
      [529, 'Overloaded', 'llm_rate_limited'],
      [500, 'boom', 'llm_provider_error'],
    ];
    for (const [status, message, code] of cases) {
      const error = classifyLlmError(apiError(status, message), context);
      expect(error.code, `${status}`).toBe(code);
      expect(error.fix, `${status}`).toBeTruthy();
      expect(error.data?.statusCode).toBe(status);
    }
  });

  it('§13 gap: a 429 wrapped in an AI SDK RetryError is still a rate limit, with its retry-after', () => {
    const wrapped = new RetryError({
      message: 'Failed after 3 attempts',
      reason: 'maxRetriesExceeded',
      errors: [apiError(500, 'boom'), apiError(429, 'slow down', { 'retry-after': '7' })],
    });
    const error = classifyLlmError(wrapped, context);
    expect(error.code).toBe('llm_rate_limited');
    expect(error.data?.retryAfterMs).toBe(7000);
    // And through a plain `cause` chain.
    const caused = new Error('outer', { cause: new Error('middle', { cause: apiError(429, 'x') }) });
    expect(inspectLlmError(caused).kind).toBe('rate_limit');
  });

  it('§13 gap: a subscription session limit is a rate limit with a session fix, not an auth failure', () => {
    const error = classifyLlmError(new Error('Claude AI usage limit reached: session limit resets at 5pm'), {
      backend: 'claude-code',
      model: 'sonnet',
    });
    expect(error.code).toBe('llm_rate_limited');
    expect(error.fix).toMatch(/session limit/);
    const auth = classifyLlmError(new Error('Invalid API key · Please run /login'), {
      backend: 'claude-code',
      model: 'sonnet',
    });
    expect(auth.code).toBe('llm_auth');
    expect(auth.fix).toMatch(/claude/i);
  });

  it('classifies network, not-installed, invalid-output and unknown failures', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyLlmError(refused, { ...context, baseUrl: 'http://127.0.0.1:1' }).code).toBe('llm_network');
    const missing = Object.assign(new Error("Cannot find package '@openai/codex-sdk'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(classifyLlmError(missing, { backend: 'codex', model: 'gpt-5.5' }).code).toBe('llm_not_installed');
    const invalid = Object.assign(new Error('No object generated'), { name: 'AI_NoObjectGeneratedError' });
    expect(classifyLlmError(invalid, context).code).toBe('llm_invalid_output');
    expect(classifyLlmError(new Error('something odd'), context).code).toBe('llm_provider_error');
  });

  it('rethrows an AbortError untouched and returns an llm_* KtxError as it is', () => {
    const abort = createAbortError();
    expect(() => classifyLlmError(abort, context)).toThrow(abort);
    const already = new KtxError('llm_auth', 'x', { fix: 'y' });
    expect(classifyLlmError(already, context)).toBe(already);
    expect(isKtxError(classifyLlmError(new KtxError('internal', 'bug'), context))).toBe(true);
  });
});
