import type { SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';
import { KtxError } from '../../../core/index.js';
import { inspectLlmError } from '../../classify-llm-error.js';
import type { ClaudeCodeAttempt } from './claude-code-query.js';

/** How one finished Claude Code attempt ended, as the runtime's retry and stop logic needs it. */
export type Verdict =
  | { kind: 'ok' }
  | { kind: 'budget' }
  | { kind: 'error'; error: unknown; rateLimited: boolean };

/** Reads a finished attempt: success, turn limit, or an error (and whether it was a rate limit). */
export function judge(attempt: ClaudeCodeAttempt): Verdict {
  const result = attempt.result;
  if (!result) {
    const error = attempt.failure;
    return { kind: 'error', error, rateLimited: attempt.rejectedReported || isRateLimit(error) };
  }
  if (result.subtype === 'error_max_turns' || result.terminal_reason === 'max_turns')
    return { kind: 'budget' };
  if (result.subtype === 'success' && !result.is_error) return { kind: 'ok' };
  const error = resultError(result);
  return { kind: 'error', error, rateLimited: attempt.rejectedReported || isRateLimit(error) };
}

function isRateLimit(error: unknown): boolean {
  return error !== undefined && inspectLlmError(error).kind === 'rate_limit';
}

/** An error result as an Error the classifier reads (message text plus the HTTP status when known). */
function resultError(result: SDKResultMessage): Error {
  if (result.subtype === 'error_max_structured_output_retries') {
    return new KtxError('llm_invalid_output', 'Claude Code could not produce output matching the schema.', {
      fix: 'Retry; if it keeps failing, set a stronger model for this role in ktx.yaml.',
    });
  }
  const text =
    result.subtype === 'success'
      ? result.result
      : [`Claude Code query failed (${result.subtype})`, ...result.errors].join(': ');
  const status = result.subtype === 'success' ? result.api_error_status : undefined;
  return Object.assign(
    new Error(text || `Claude Code query failed (${result.terminal_reason ?? result.subtype}).`),
    {
      ...(typeof status === 'number' ? { status } : {}),
    },
  );
}

export function statusOf(attempt: ClaudeCodeAttempt): number | 'error' {
  const result = attempt.result;
  if (!result) return 'error';
  if (result.subtype === 'success' && typeof result.api_error_status === 'number')
    return result.api_error_status;
  return result.is_error ? 'error' : 200;
}
