import { abortableSleep, isAbortError } from '../abort.js';
import type { LlmDebugRecorder } from '../debug-recorder.js';
import { summarizeRequestBody } from '../debug-recorder.js';
import type { RateLimitGovernor } from '../port.js';
import { retryAfterMsFromHeaders, utilizationFromHeaders } from '../rate-limit-headers.js';
import { providerCallContext } from './provider-call-context.js';

export interface GovernedFetchOptions {
  backend: string;
  /** Provider name reported to the governor. */
  provider: string;
  governor: RateLimitGovernor;
  recorder?: LlmDebugRecorder;
  baseFetch?: typeof fetch;
  now?: () => number;
}

// 5xx answers are usually transient but not a reason to pause every caller; a few local retries.
const SERVER_ERROR_ATTEMPTS = 3;

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function modelFromUrl(url: string): string | undefined {
  // Vertex puts the model in the path: …/publishers/anthropic/models/<model>:rawPredict
  return /\/([^/:]+):(?:stream)?[rR]awPredict$/.exec(url)?.[1];
}

/**
 * The fetch every AI SDK provider uses. Retrying here, per HTTP request, rather than around a whole
 * generateText call means a 429 in step 7 of an agent loop retries step 7 only: the tools of steps
 * 1–6 never run twice. Each request waits for the governor's pause; a 429/529 reports `rejected`
 * with the server's retry-after and tries again, up to the governor's attempt budget; a success
 * reports header utilization so concurrency follows the provider's headroom. The AI SDK's own
 * retries are off (maxRetries: 0) so only this loop retries and every wait is visible.
 */
export function createGovernedFetch(options: GovernedFetchOptions): typeof fetch {
  const baseFetch = options.baseFetch ?? globalThis.fetch;
  const now = options.now ?? (() => performance.now());
  const { governor } = options;

  const governed = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const context = providerCallContext.getStore();
    const signal = init?.signal ?? undefined;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const summary = options.recorder ? summarizeRequestBody(parseBody(init?.body)) : undefined;
    // The AI Gateway names the model in a header, not in the body.
    const modelHeader = new Headers(init?.headers).get('ai-language-model-id') ?? undefined;
    const maxAttempts = governor.maxAttempts();
    for (let attempt = 1; ; attempt += 1) {
      await governor.waitForReady(signal);
      if (context) {
        context.attempts = attempt;
        context.requests += 1;
      }
      const started = now();
      let response: Response;
      try {
        response = await baseFetch(input, init);
      } catch (error) {
        await record(
          summary,
          url,
          modelHeader,
          isAbortError(error) ? 'aborted' : 'error',
          attempt,
          now() - started,
        );
        throw error;
      }
      await record(summary, url, modelHeader, response.status, attempt, now() - started);
      const status = response.status;
      if (status === 429 || status === 529) {
        const retryAfterMs = retryAfterMsFromHeaders(headerRecord(response.headers), Date.now());
        // Reported even on the last attempt: other callers sharing the governor should back off too.
        governor.report({
          provider: options.provider,
          status: 'rejected',
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          rateLimitType: status === 429 ? 'http_429' : 'overloaded',
        });
        if (attempt >= maxAttempts) return response;
        await response.body?.cancel().catch(() => undefined);
        context?.onEvent?.({
          kind: 'retry',
          attempt: attempt + 1,
          maxAttempts,
          reason: status === 429 ? 'rate limited (429)' : 'provider overloaded (529)',
        });
        continue;
      }
      if (status >= 500 && attempt < Math.min(maxAttempts, SERVER_ERROR_ATTEMPTS)) {
        await response.body?.cancel().catch(() => undefined);
        context?.onEvent?.({
          kind: 'retry',
          attempt: attempt + 1,
          maxAttempts: Math.min(maxAttempts, SERVER_ERROR_ATTEMPTS),
          reason: `server error ${status}`,
        });
        await abortableSleep(governor.backoffMs(attempt), signal);
        continue;
      }
      if (response.ok) {
        const utilization = utilizationFromHeaders(headerRecord(response.headers));
        governor.report({
          provider: options.provider,
          status: 'allowed',
          ...(utilization !== undefined ? { utilization } : {}),
        });
      }
      return response;
    }
  };

  async function record(
    summary: ReturnType<typeof summarizeRequestBody> | undefined,
    url: string,
    modelHeader: string | undefined,
    status: number | 'error' | 'aborted',
    attempt: number,
    ms: number,
  ): Promise<void> {
    if (!options.recorder || !summary) return;
    const context = providerCallContext.getStore();
    const model = summary.model ?? modelHeader ?? modelFromUrl(url);
    await options.recorder.record({
      timestamp: new Date().toISOString(),
      backend: options.backend,
      ...(context ? { role: context.role, operation: context.operation } : {}),
      ...(model ? { model } : {}),
      ...(context?.tags ? { tags: context.tags } : {}),
      messageCount: summary.messageCount,
      toolNames: summary.toolNames,
      cacheMarkers: summary.cacheMarkers,
      stream: summary.stream,
      status,
      attempt,
      ms: Math.round(ms),
    });
  }

  return governed as typeof fetch;
}
