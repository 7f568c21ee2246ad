import type { SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';
import { z } from 'zod';
import { isKtxError, KtxError } from '../../../core/index.js';
import { isAbortError, throwIfAborted } from '../../abort.js';
import { classifyLlmError, inspectLlmError } from '../../classify-llm-error.js';
import { createDebugRecorder, type LlmDebugRecorder } from '../../debug-recorder.js';
import { repairJsonText } from '../../json-repair.js';
import { modelForRole } from '../../model-roles.js';
import type {
  GenerateObjectInput,
  GenerateTextInput,
  LlmModelRole,
  LlmRuntime,
  LlmRuntimeDeps,
  LlmRuntimeEvent,
  LlmUsage,
  ResolvedLlmConfig,
  RunAgentLoopInput,
  RunAgentLoopResult,
} from '../../port.js';
import { LLM_MODEL_ROLES } from '../../port.js';
import { createClaudeCodeEnv } from './claude-code-env.js';
import { resolveClaudeCodeModel } from './claude-code-models.js';
import {
  type ClaudeCodeAttempt,
  type ClaudeCodeQueryContext,
  type ClaudeCodeQueryRequest,
  runClaudeCodeQuery,
} from './claude-code-query.js';
import { CLAUDE_AGENT_SDK_PACKAGE, loadClaudeCodeSdk } from './claude-code-sdk.js';
import { CLAUDE_CODE_PROVIDER, usageFromResult } from './claude-code-signals.js';
import { judge, statusOf, type Verdict } from './claude-code-verdict.js';

export { claudeCodeIgnoredSettings } from './claude-code-ignored-settings.js';
export { detectClaudeCodeSdk } from './claude-code-sdk.js';

export interface ClaudeCodeRuntimeDeps extends LlmRuntimeDeps {
  /** Module specifier of the SDK; only the not-installed test changes it. */
  sdkSpecifier?: string;
}

// generateObject offers the SDK's StructuredOutput tool but allows one model turn: when the model's
// output does not fit, ktx repairs it (locally, then with the repair role) instead of the CLI asking
// the model again, so every backend repairs the same way and a bad answer costs no extra turn unless
// local repair fails.
const OBJECT_MAX_TURNS = 1;

type Operation = 'generateText' | 'generateObject' | 'runAgentLoop';

/** How a finished attempt ended, before classification. */

/**
 * The claude-code backend: every call is one Claude Agent SDK query, run by the user's own Claude
 * Code sign-in in an isolated session (see claude-code-query.ts and CONTEXT.md). The SDK is loaded
 * here, once, so choosing another backend never loads it.
 */
export async function createClaudeCodeRuntime(
  config: ResolvedLlmConfig,
  deps: ClaudeCodeRuntimeDeps = {},
): Promise<LlmRuntime> {
  if (config.backend !== 'claude-code') {
    throw new KtxError('llm_config', `createClaudeCodeRuntime was given backend "${config.backend}".`, {
      fix: 'Set llm.provider.backend to claude-code, or open the runtime through createLlmRuntime.',
    });
  }
  for (const role of LLM_MODEL_ROLES) resolveClaudeCodeModel(modelForRole(config.models, role));
  const env = createClaudeCodeEnv({
    env: config.env,
    promptCaching: config.promptCaching,
    ...(config.baseUrl !== undefined ? { baseUrl: config.baseUrl } : {}),
    ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
  });
  const sdk = await loadClaudeCodeSdk(deps.sdkSpecifier ?? CLAUDE_AGENT_SDK_PACKAGE);
  const closer = new AbortController();
  const context: ClaudeCodeQueryContext = {
    sdk,
    env,
    projectDir: config.projectDir,
    closeSignal: closer.signal,
    authRetryLimit: config.baseUrl ? 0 : 1,
    ...(deps.governor ? { governor: deps.governor } : {}),
  };
  const recorder = config.debugFile ? createDebugRecorder(config.debugFile) : undefined;
  return new ClaudeCodeRuntime(config, context, closer, recorder);
}

class ClaudeCodeRuntime implements LlmRuntime {
  readonly backend = 'claude-code' as const;

  constructor(
    private readonly config: ResolvedLlmConfig,
    private readonly context: ClaudeCodeQueryContext,
    private readonly closer: AbortController,
    private readonly recorder: LlmDebugRecorder | undefined,
  ) {}

  modelFor(role: LlmModelRole): string {
    return resolveClaudeCodeModel(modelForRole(this.config.models, role));
  }

  async generateText(input: GenerateTextInput): Promise<string> {
    const model = this.modelFor(input.role);
    const run = await this.execute('generateText', input.role, input.tags, {
      model,
      prompt: input.prompt,
      maxTurns: 1,
      ...optional(input),
    });
    const result = this.ensureSuccess(run, model);
    input.onMetrics?.({ totalMs: run.totalMs, usage: run.usage });
    return result.result;
  }

  async generateObject<T>(input: GenerateObjectInput<T>): Promise<T> {
    const model = this.modelFor(input.role);
    const schema = z.toJSONSchema(input.schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
    const run = await this.execute('generateObject', input.role, input.tags, {
      model,
      prompt: input.prompt,
      maxTurns: OBJECT_MAX_TURNS,
      outputSchema: schema as Record<string, unknown>,
      ...optional(input),
    });
    // Running out of the one turn (the model answered in text, or its tool input did not parse) is
    // not a failure here: what it wrote goes to repair. Provider errors still throw.
    if (run.verdict.kind === 'error') this.ensureSuccess(run, model);
    input.onMetrics?.({ totalMs: run.totalMs, usage: run.usage });

    const { attempt } = run;
    const result = attempt.result;
    const raw: unknown[] = [];
    if (result?.subtype === 'success' && result.structured_output !== undefined)
      raw.push(result.structured_output);
    raw.push(...attempt.structuredInputs, ...attempt.texts);
    let lastError = 'the model returned no JSON';
    let badOutput = attempt.texts.join('\n');
    for (const item of raw) {
      const candidate = typeof item === 'string' ? repairJsonText(item) : { value: item };
      if (!candidate) continue;
      const parsed = input.schema.safeParse(candidate.value);
      if (parsed.success) return parsed.data;
      lastError = z.prettifyError(parsed.error);
      badOutput = JSON.stringify(candidate.value);
    }
    if (badOutput.length === 0 && typeof raw[0] === 'string') badOutput = raw[0];
    return this.repairObject(input, schema, badOutput, lastError);
  }

  /** Last resort after local repair: ask the `repair` role for corrected JSON, once. */
  private async repairObject<T>(
    input: GenerateObjectInput<T>,
    schema: unknown,
    badOutput: string,
    validationError: string,
  ): Promise<T> {
    const model = this.modelFor(input.role);
    const invalid = (detail: string) =>
      new KtxError(
        'llm_invalid_output',
        `claude-code (${model}) returned an object that does not match the schema: ${detail}`,
        {
          fix: 'Retry; if it keeps failing, set a stronger model for this role (or llm.models.repair) in ktx.yaml.',
          data: { backend: 'claude-code', model, schemaName: input.schemaName ?? 'object' },
        },
      );
    let answer: string;
    try {
      answer = await this.generateText({
        role: 'repair',
        system: 'You repair JSON so it matches a JSON Schema. Reply with the corrected JSON only, no prose.',
        prompt: [
          `JSON Schema:\n${JSON.stringify(schema)}`,
          `Output to repair:\n${badOutput.slice(0, 20_000)}`,
          `Validation errors:\n${validationError}`,
        ].join('\n\n'),
        ...(input.signal ? { signal: input.signal } : {}),
        tags: { ...input.tags, operation: 'repair' },
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw invalid(
        `${validationError} (repair failed: ${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const repaired = repairJsonText(answer);
    const parsed = repaired ? input.schema.safeParse(repaired.value) : undefined;
    if (parsed?.success) return parsed.data;
    throw invalid(parsed ? z.prettifyError(parsed.error) : validationError);
  }

  async runAgentLoop(input: RunAgentLoopInput): Promise<RunAgentLoopResult> {
    if (!Number.isInteger(input.stepBudget) || input.stepBudget < 1) {
      throw new KtxError('llm_config', `stepBudget must be a positive integer (got ${input.stepBudget}).`, {
        fix: 'Pass a step budget of at least 1.',
      });
    }
    throwIfAborted(input.signal);
    const started = performance.now();
    let model = '';
    try {
      model = this.modelFor(input.role);
      const run = await this.execute('runAgentLoop', input.role, input.tags, {
        model,
        prompt: input.prompt,
        system: input.system,
        maxTurns: input.stepBudget,
        tools: input.tools,
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onEvent ? { onEvent: input.onEvent } : {}),
      });
      const { attempt, verdict } = run;
      // num_turns is the CLI's own count of model turns (reference R14). At the turn limit it counts
      // the turn it refused to start, so it is capped by the budget; after an error it counts the
      // failed request, so the turns observed to finish are reported instead.
      const turns = attempt.result?.num_turns ?? attempt.observedSteps;
      const metrics = {
        totalMs: run.totalMs,
        usage: run.usage,
        stepCount: verdict.kind === 'error' ? attempt.observedSteps : Math.min(turns, input.stepBudget),
        stepBoundariesMs: attempt.stepBoundariesMs,
      };
      const finalText = attempt.result?.subtype === 'success' ? attempt.result.result : undefined;
      if (verdict.kind === 'ok')
        return { stopReason: 'natural', metrics, ...(finalText ? { finalText } : {}) };
      if (verdict.kind === 'budget') return { stopReason: 'budget', metrics };
      return { stopReason: 'error', error: this.classify(verdict.error, model, run.attempts), metrics };
    } catch (error) {
      if (isAbortError(error)) throw error;
      return {
        stopReason: 'error',
        error: this.classify(error, model || this.config.models.default, 1),
        metrics: {
          totalMs: Math.round(performance.now() - started),
          usage: {},
          stepCount: 0,
          stepBoundariesMs: [],
        },
      };
    }
  }

  async close(): Promise<void> {
    if (!this.closer.signal.aborted) this.closer.abort();
  }

  /**
   * Runs a query with the governor: each attempt waits for a pause to end and a free slot, and an
   * attempt that ended in a rate limit is retried up to `governor.maxAttempts()` after reporting the
   * rejection, so the next attempt waits the governor's backoff (the reference retried at once).
   * A loop that already ran tools is not replayed: its tools may have written files.
   */
  private async execute(
    operation: Operation,
    role: LlmModelRole,
    tags: Record<string, string> | undefined,
    request: ClaudeCodeQueryRequest,
  ): Promise<{
    attempt: ClaudeCodeAttempt;
    verdict: Verdict;
    usage: LlmUsage;
    totalMs: number;
    attempts: number;
  }> {
    if (this.closer.signal.aborted) {
      throw new KtxError('llm_provider_error', 'The claude-code runtime is closed.', {
        fix: 'Open a new runtime (createLlmRuntime) for further calls.',
      });
    }
    const governor = this.context.governor;
    const maxAttempts = governor?.maxAttempts() ?? 1;
    const unsubscribe = governor && request.onEvent ? governor.subscribe(request.onEvent) : undefined;
    const started = performance.now();
    try {
      for (let attemptNumber = 1; ; attemptNumber++) {
        const release = governor ? await governor.acquireSlot(request.signal) : undefined;
        let attempt: ClaudeCodeAttempt;
        try {
          attempt = await runClaudeCodeQuery(this.context, request);
        } catch (error) {
          await this.record(
            operation,
            role,
            tags,
            request,
            attemptNumber,
            isAbortError(error) ? 'aborted' : 'error',
            0,
          );
          throw error;
        } finally {
          release?.();
        }
        const verdict = judge(attempt);
        await this.record(
          operation,
          role,
          tags,
          request,
          attemptNumber,
          statusOf(attempt),
          attempt.elapsedMs,
          attempt.messageCount,
        );
        const retry =
          verdict.kind === 'error' &&
          verdict.rateLimited &&
          attemptNumber < maxAttempts &&
          (operation !== 'runAgentLoop' || attempt.toolCalls === 0);
        if (!retry) {
          const usage = attempt.result ? usageFromResult(attempt.result) : {};
          return {
            attempt,
            verdict,
            usage,
            totalMs: Math.round(performance.now() - started),
            attempts: attemptNumber,
          };
        }
        // A subscription rejection already paused the governor until its reset time; anything else
        // (a 429 the CLI gave up on) pauses with growing opaque backoff before the next attempt.
        if (!attempt.rejectedReported) {
          const facts = inspectLlmError((verdict as { error: unknown }).error);
          governor?.report({
            provider: CLAUDE_CODE_PROVIDER,
            status: 'rejected',
            ...(facts.retryAfterMs !== undefined ? { retryAfterMs: facts.retryAfterMs } : {}),
            rateLimitType: facts.sessionLimit ? 'session' : 'opaque',
          });
        }
        request.onEvent?.({
          kind: 'retry',
          attempt: attemptNumber + 1,
          maxAttempts,
          reason: 'Claude Code reported a rate limit',
        } satisfies LlmRuntimeEvent);
      }
    } finally {
      unsubscribe?.();
    }
  }

  private ensureSuccess(
    run: { attempt: ClaudeCodeAttempt; verdict: Verdict; attempts: number },
    model: string,
  ): Extract<SDKResultMessage, { subtype: 'success' }> {
    const result = run.attempt.result;
    if (run.verdict.kind === 'ok' && result?.subtype === 'success') return result;
    const error =
      run.verdict.kind === 'error'
        ? run.verdict.error
        : new KtxError('llm_invalid_output', `Claude Code stopped after its turn limit without an answer.`, {
            fix: 'Retry; if it keeps happening, simplify the prompt or use a stronger model for this role.',
          });
    throw this.classify(error, model, run.attempts);
  }

  private classify(error: unknown, model: string, attempts: number): KtxError {
    if (isKtxError(error) && error.code.startsWith('llm_')) return error;
    return classifyLlmError(error, {
      backend: 'claude-code',
      model,
      attempts,
      ...(this.config.baseUrl ? { baseUrl: this.config.baseUrl } : {}),
    });
  }

  private async record(
    operation: Operation,
    role: LlmModelRole,
    tags: Record<string, string> | undefined,
    request: ClaudeCodeQueryRequest,
    attempt: number,
    status: number | 'error' | 'aborted',
    ms: number,
    messageCount = 1,
  ): Promise<void> {
    if (!this.recorder) return;
    const caching = this.config.promptCaching;
    await this.recorder.record({
      timestamp: new Date().toISOString(),
      backend: 'claude-code',
      role,
      model: request.model,
      operation,
      ...(tags ? { tags } : {}),
      messageCount,
      toolNames: Object.keys(request.tools ?? {}).sort(),
      // Claude Code places its own breakpoints; ktx only sets the conversation TTL.
      cacheMarkers: caching.enabled ? [`conversation:${caching.systemTtl}`] : [],
      stream: true,
      status,
      attempt,
      ms,
    });
  }
}

function optional(input: GenerateTextInput): Partial<ClaudeCodeQueryRequest> {
  return {
    ...(input.system !== undefined ? { system: input.system } : {}),
    ...(input.maxOutputTokens !== undefined ? { maxOutputTokens: input.maxOutputTokens } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onEvent ? { onEvent: input.onEvent } : {}),
  };
}
