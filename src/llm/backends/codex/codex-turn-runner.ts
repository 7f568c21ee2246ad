import type * as CodexSdk from '@openai/codex-sdk';
import { isKtxError, type KtxError } from '../../../core/index.js';
import { abortErrorFor, isAbortError, linkAbortSignal, throwIfAborted } from '../../abort.js';
import { classifyLlmError } from '../../classify-llm-error.js';
import type { LlmDebugRecorder } from '../../debug-recorder.js';
import type { LlmRuntimeEvent, LlmToolSet, RateLimitGovernor, ResolvedLlmConfig } from '../../port.js';
import { buildCodexCallOptions } from './codex-call-options.js';
import { CodexEventTracker, type CodexTurnSummary } from './codex-event-tracker.js';
import { type CodexMcpServerHandle, startCodexMcpServer } from './codex-mcp-server.js';
import { codexNotInstalledError } from './codex-sdk-loader.js';

export interface CodexTurnInput {
  /** The loaded @openai/codex-sdk module (`loadCodexSdk`). */
  sdk: typeof CodexSdk;
  config: ResolvedLlmConfig;
  model: string;
  system?: string;
  prompt: string;
  tools?: LlmToolSet;
  /** JSON Schema for the final message (`--output-schema`). */
  outputSchema?: Record<string, unknown>;
  stepBudget?: number;
  signal?: AbortSignal;
  onEvent?: (event: LlmRuntimeEvent) => void;
  governor?: RateLimitGovernor;
  now: () => number;
  /** The isolating CLI wrapper's path (`codex-cli-launcher.ts`); absent where none runs. */
  codexPathOverride?: string;
  /** `--debug-llm-requests`: one redacted line per attempt (shapes only, never text). */
  recorder?: LlmDebugRecorder;
  /** Recorded with each attempt; never sent anywhere. */
  trace?: { role: string; operation: string; tags?: Record<string, string> };
}

export interface CodexTurnOutcome {
  summary: CodexTurnSummary;
  budgetReached: boolean;
  /** Classified failure (llm_* KtxError); absent on success. */
  error?: KtxError;
  attempts: number;
  totalMs: number;
}

const PROVIDER = 'codex';

/**
 * One Codex run with the rate-limit policy around it: each attempt takes a governor slot; a
 * rate-limited attempt is reported as an opaque rejection (Codex hides the reset time) and retried
 * after the governor's pause, up to `governor.maxAttempts()`, but only while no tool has run yet, so
 * a retry never repeats a tool's side effects. Without a governor there is one attempt (R27).
 * Aborts are rethrown as AbortError; every other failure comes back classified in `error`.
 */
export async function runCodexTurn(input: CodexTurnInput): Promise<CodexTurnOutcome> {
  const startedAt = input.now();
  const maxAttempts = input.governor?.maxAttempts() ?? 1;
  const unsubscribe = input.governor && input.onEvent ? input.governor.subscribe(input.onEvent) : undefined;
  try {
    for (let attempt = 1; ; attempt += 1) {
      throwIfAborted(input.signal);
      const release = input.governor ? await input.governor.acquireSlot(input.signal) : () => {};
      let outcome: Omit<CodexTurnOutcome, 'attempts' | 'totalMs'>;
      const attemptStarted = input.now();
      try {
        outcome = await runOnce(input, startedAt);
      } catch (error) {
        await record(input, attempt, isAbortError(error) ? 'aborted' : 'error', attemptStarted);
        throw error;
      } finally {
        release();
      }
      await record(input, attempt, outcome.error ? 'error' : 200, attemptStarted);
      const rateLimited = outcome.error?.code === 'llm_rate_limited';
      if (!rateLimited || !input.governor || outcome.summary.actionSteps > 0 || attempt >= maxAttempts) {
        return { ...outcome, attempts: attempt, totalMs: input.now() - startedAt };
      }
      const retryAfterMs = outcome.error?.data?.retryAfterMs;
      input.governor.report({
        provider: PROVIDER,
        status: 'rejected',
        rateLimitType: 'opaque',
        ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}),
      });
      input.onEvent?.({
        kind: 'retry',
        attempt: attempt + 1,
        maxAttempts,
        reason: outcome.error?.message ?? 'rate limited',
      });
    }
  } finally {
    unsubscribe?.();
  }
}

async function runOnce(
  input: CodexTurnInput,
  startedAt: number,
): Promise<Omit<CodexTurnOutcome, 'attempts' | 'totalMs'>> {
  const { sdk } = input;
  // The run's own controller: aborts with the caller (and runtime.close()), and alone at the budget.
  const run = linkAbortSignal(input.signal);
  const tracker = new CodexEventTracker({
    startedAt,
    now: input.now,
    ...(input.stepBudget !== undefined ? { stepBudget: input.stepBudget } : {}),
    ...(input.onEvent ? { onEvent: input.onEvent } : {}),
  });
  let mcp: CodexMcpServerHandle | undefined;
  let budgetReached = false;
  let streamError: unknown;
  try {
    if (input.tools && Object.keys(input.tools).length > 0) {
      mcp = await startCodexMcpServer({ tools: input.tools, signal: run.controller.signal });
    }
    const options = buildCodexCallOptions({
      config: input.config,
      model: input.model,
      ...(input.system !== undefined ? { system: input.system } : {}),
      ...(mcp ? { mcp } : {}),
      ...(input.codexPathOverride ? { codexPathOverride: input.codexPathOverride } : {}),
    });
    let codex: InstanceType<typeof sdk.Codex>;
    try {
      codex = new sdk.Codex(options.codex);
    } catch (error) {
      // The SDK resolves its CLI binary here; a missing platform package is an install problem.
      throw codexNotInstalledError(error);
    }
    const thread = codex.startThread(options.thread);
    const { events } = await thread.runStreamed(input.prompt, {
      signal: run.controller.signal,
      ...(input.outputSchema ? { outputSchema: input.outputSchema } : {}),
    });
    try {
      for await (const event of events) {
        if (tracker.observe(event) === 'budget') {
          budgetReached = true;
          run.controller.abort();
          break;
        }
      }
    } catch (error) {
      // The SDK throws on a non-zero exit after yielding the events that explain it; keep both.
      streamError = error;
    }
  } catch (error) {
    streamError = error;
  } finally {
    await mcp?.close();
    run.dispose();
  }
  if (input.signal?.aborted) throw abortErrorFor(input.signal);
  const summary = tracker.summary();
  if (budgetReached) return { summary, budgetReached };
  if (streamError !== undefined && isAbortError(streamError)) throw streamError;
  if (isKtxError(streamError) && streamError.code.startsWith('llm_')) {
    return { summary, budgetReached, error: streamError };
  }
  if (summary.failure !== undefined)
    return { summary, budgetReached, error: classify(summary.failure, input) };
  if (streamError === undefined) return { summary, budgetReached };
  return { summary, budgetReached, error: classify(describeExit(streamError), input, streamError) };
}

/** One debug line per attempt: Codex hides its HTTP traffic, so the line describes the run. */
async function record(
  input: CodexTurnInput,
  attempt: number,
  status: 200 | 'error' | 'aborted',
  attemptStarted: number,
): Promise<void> {
  if (!input.recorder) return;
  await input.recorder.record({
    timestamp: new Date().toISOString(),
    backend: 'codex',
    model: input.model,
    ...(input.trace ? { role: input.trace.role, operation: input.trace.operation } : {}),
    ...(input.trace?.tags ? { tags: input.trace.tags } : {}),
    messageCount: input.system === undefined ? 1 : 2,
    toolNames: Object.keys(input.tools ?? {}).sort(),
    // Codex manages its own prompt cache; ktx places no breakpoints.
    cacheMarkers: [],
    stream: true,
    status,
    attempt,
    ms: Math.round(input.now() - attemptStarted),
  });
}

function classify(failure: string, input: CodexTurnInput, cause?: unknown): KtxError {
  // The event's message names the problem; the SDK's exit error is only the fallback (R24).
  const error = new Error(failure, cause === undefined ? undefined : { cause });
  // Codex reports HTTP failures as "unexpected status 429 Too Many Requests: …"; keep the status.
  const status = /\bstatus[: ]+(\d{3})\b/i.exec(failure)?.[1];
  if (status) Object.assign(error, { statusCode: Number(status) });
  return classifyLlmError(error, {
    backend: 'codex',
    model: input.model,
    ...(input.config.baseUrl ? { baseUrl: input.config.baseUrl } : {}),
  });
}

// Lines `codex exec` prints on every run; they never explain a failure.
const STDERR_NOISE = /^(WARNING: proceeding|Reading prompt from stdin)/;

/** The SDK's "Codex Exec exited with code N: <stderr>" reduced to the stderr lines that matter. */
function describeExit(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(Codex Exec exited with [^:]+):([\s\S]*)$/.exec(message);
  if (!match) return message;
  const lines = (match[2] ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !STDERR_NOISE.test(line));
  return lines.length > 0 ? `${lines.slice(-3).join(' ')} (${match[1]})` : (match[1] ?? message);
}
