import type { LlmUsage, RateLimitSignal } from '../../port.js';

/** Provider name the claude-code backend reports to the governor (the subscription's limits). */
export const CLAUDE_CODE_PROVIDER = 'claude-code';

/**
 * `resetsAt` arrives as epoch seconds today; older CLIs sent milliseconds, numeric strings or ISO
 * dates (the reference missed the seconds form, R15). Values under 1e10 are seconds.
 */
export function normalizeResetAt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return value < 1e10 ? value * 1000 : value;
  if (typeof value === 'string' && value.trim().length > 0) {
    const numeric = Number(value);
    if (Number.isFinite(numeric)) return normalizeResetAt(numeric);
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/** Claude Code's `rate_limit_event.rate_limit_info` as a governor signal. */
export function signalFromRateLimitInfo(info: {
  status?: unknown;
  resetsAt?: unknown;
  rateLimitType?: unknown;
  utilization?: unknown;
}): RateLimitSignal {
  const status =
    info.status === 'rejected' ? 'rejected' : info.status === 'allowed_warning' ? 'warning' : 'allowed';
  const signal: RateLimitSignal = { provider: CLAUDE_CODE_PROVIDER, status };
  const resetAtMs = normalizeResetAt(info.resetsAt);
  if (resetAtMs !== undefined) signal.resetAtMs = resetAtMs;
  if (typeof info.rateLimitType === 'string') signal.rateLimitType = info.rateLimitType;
  if (typeof info.utilization === 'number' && Number.isFinite(info.utilization)) {
    // The CLI has sent both 0..1 and percentages; the governor wants 0..1.
    signal.utilization = info.utilization > 1 ? info.utilization / 100 : info.utilization;
  }
  return signal;
}

/**
 * Claude Code retries failed API requests itself and says so with `system`/`api_retry`, naming the
 * delay it honours (the provider's retry-after, or its own backoff). A retried 429/529 is reported
 * as a rejection for that delay, so every other caller of the shared governor pauses too instead of
 * walking into the same limit; the CLI's own retry goes on meanwhile.
 */
export function signalFromApiRetry(message: {
  retry_delay_ms?: unknown;
  error_status?: unknown;
}): RateLimitSignal | undefined {
  const status = typeof message.error_status === 'number' ? message.error_status : undefined;
  if (status !== 429 && status !== 529) return undefined;
  const signal: RateLimitSignal = {
    provider: CLAUDE_CODE_PROVIDER,
    status: 'rejected',
    rateLimitType: 'api_retry',
  };
  if (typeof message.retry_delay_ms === 'number') signal.retryAfterMs = message.retry_delay_ms;
  return signal;
}

interface UsageFields {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}
interface ModelUsageFields {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
}

/**
 * Token usage of a whole query. `modelUsage` covers every model call of the query (the SDK calls it
 * the field for accounting); `usage` (main loop only) is the fallback. `inputTokens` counts every
 * prompt token, cached ones included, like the AI SDK's total; the cache split is reported beside it.
 */
export function usageFromResult(result: {
  usage?: UsageFields;
  modelUsage?: Record<string, ModelUsageFields>;
}): LlmUsage {
  let input = 0;
  let output = 0;
  let cacheRead = 0;
  let cacheWrite = 0;
  const perModel = Object.values(result.modelUsage ?? {});
  if (perModel.length > 0) {
    for (const model of perModel) {
      input += model.inputTokens ?? 0;
      output += model.outputTokens ?? 0;
      cacheRead += model.cacheReadInputTokens ?? 0;
      cacheWrite += model.cacheCreationInputTokens ?? 0;
    }
  } else if (result.usage) {
    input = result.usage.input_tokens ?? 0;
    output = result.usage.output_tokens ?? 0;
    cacheRead = result.usage.cache_read_input_tokens ?? 0;
    cacheWrite = result.usage.cache_creation_input_tokens ?? 0;
  } else {
    return {};
  }
  const inputTokens = input + cacheRead + cacheWrite;
  return {
    inputTokens,
    outputTokens: output,
    totalTokens: inputTokens + output,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
  };
}
