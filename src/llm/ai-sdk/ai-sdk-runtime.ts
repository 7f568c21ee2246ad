import { generateText, type LanguageModelUsage, Output, stepCountIs } from 'ai';
import { isKtxError, KtxError } from '../../core/index.js';
import { createAbortError, isAbortError, throwIfAborted } from '../abort.js';
import { classifyLlmError } from '../classify-llm-error.js';
import { createDebugRecorder } from '../debug-recorder.js';
import { modelForRole } from '../model-roles.js';
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
} from '../port.js';
import { createRateLimitGovernor } from '../rate-limit-governor.js';
import { type AiSdkBackend, createAiSdkModels } from './ai-sdk-models.js';
import { bridgeTools } from './ai-sdk-tools.js';
import { createGovernedFetch } from './governed-fetch.js';
import { repairObjectOutput } from './object-repair.js';
import { buildPrompt, cacheTtlsFor, markLatestMessage } from './prompt-caching.js';
import { type ProviderCallContext, providerCallContext } from './provider-call-context.js';
import { createToolCallRepair } from './tool-call-repair.js';

const GOVERNOR_PROVIDER: Record<AiSdkBackend, string> = {
  anthropic: 'anthropic-api',
  vertex: 'vertex',
  gateway: 'gateway',
  openai: 'openai',
  'openai-compatible': 'openai-compatible',
};

interface CallScope {
  role: LlmModelRole;
  signal?: AbortSignal;
  tags?: Record<string, string>;
  onEvent?: (event: LlmRuntimeEvent) => void;
}

export function mapUsage(usage: LanguageModelUsage | undefined): LlmUsage {
  if (!usage) return {};
  const mapped: LlmUsage = {};
  if (usage.inputTokens !== undefined) mapped.inputTokens = usage.inputTokens;
  if (usage.outputTokens !== undefined) mapped.outputTokens = usage.outputTokens;
  const total =
    usage.totalTokens ??
    (usage.inputTokens !== undefined && usage.outputTokens !== undefined
      ? usage.inputTokens + usage.outputTokens
      : undefined);
  if (total !== undefined) mapped.totalTokens = total;
  const details = usage.inputTokenDetails;
  if (details?.cacheReadTokens !== undefined) mapped.cacheReadTokens = details.cacheReadTokens;
  if (details?.cacheWriteTokens !== undefined) mapped.cacheWriteTokens = details.cacheWriteTokens;
  return mapped;
}

function addUsage(total: LlmUsage, step: LlmUsage): LlmUsage {
  const sum: LlmUsage = { ...total };
  for (const key of [
    'inputTokens',
    'outputTokens',
    'totalTokens',
    'cacheReadTokens',
    'cacheWriteTokens',
  ] as const) {
    const value = step[key];
    if (value !== undefined) sum[key] = (sum[key] ?? 0) + value;
  }
  return sum;
}

/**
 * The runtime for the API backends (anthropic, vertex, gateway, openai, openai-compatible), on the
 * Vercel AI SDK. Retries and rate limits live in the governed fetch (per HTTP request); this file
 * builds prompts, bridges tools, repairs output and maps results onto the port.
 */
export async function createAiSdkRuntime(
  config: ResolvedLlmConfig,
  deps: LlmRuntimeDeps = {},
): Promise<LlmRuntime> {
  const backend = config.backend as AiSdkBackend;
  const governor = deps.governor ?? createRateLimitGovernor();
  const now = deps.now ?? (() => performance.now());
  const fetch = createGovernedFetch({
    backend,
    provider: GOVERNOR_PROVIDER[backend],
    governor,
    ...(config.debugFile ? { recorder: createDebugRecorder(config.debugFile) } : {}),
    ...(deps.fetch ? { baseFetch: deps.fetch } : {}),
    now,
  });
  const models = await createAiSdkModels(config, {
    fetch,
    ...(deps.vertexAccessToken ? { vertexAccessToken: deps.vertexAccessToken } : {}),
  });
  const modelFor = (role: LlmModelRole) => modelForRole(config.models, role);
  // Deterministic by default, except on OpenAI, whose reasoning models reject a temperature.
  const temperature = (requested: number | undefined) =>
    requested !== undefined ? { temperature: requested } : backend === 'openai' ? {} : { temperature: 0 };

  /**
   * Runs one port call: a governor slot (skipped for calls nested in another, such as repairs, so
   * a loop never waits for a slot it holds itself), the call context the fetch layer reads, abort
   * passthrough and error classification.
   */
  async function withCall<T>(operation: string, scope: CallScope, run: () => Promise<T>): Promise<T> {
    throwIfAborted(scope.signal);
    const nested = providerCallContext.getStore() !== undefined;
    const context: ProviderCallContext = {
      role: scope.role,
      operation,
      ...(scope.tags ? { tags: scope.tags } : {}),
      ...(scope.onEvent ? { onEvent: scope.onEvent } : {}),
      attempts: 0,
      requests: 0,
    };
    const unsubscribe = scope.onEvent && !nested ? governor.subscribe(scope.onEvent) : undefined;
    let release: (() => void) | undefined;
    try {
      if (!nested) release = await governor.acquireSlot(scope.signal);
      return await providerCallContext.run(context, run);
    } catch (error) {
      if (isAbortError(error)) throw error;
      // The SDK sometimes wraps the abort; the caller's signal is the truth.
      if (scope.signal?.aborted) throw createAbortError();
      throw classifyLlmError(error, {
        backend,
        model: modelFor(scope.role),
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        attempts: context.attempts,
      });
    } finally {
      release?.();
      unsubscribe?.();
    }
  }

  async function askRepairModel(system: string, prompt: string, signal?: AbortSignal): Promise<string> {
    return runtime.generateText({ role: 'repair', system, prompt, ...(signal ? { signal } : {}) });
  }

  const runtime: LlmRuntime = {
    backend,
    modelFor,

    async generateText(input: GenerateTextInput): Promise<string> {
      const modelId = modelFor(input.role);
      const ttls = cacheTtlsFor(config, modelId);
      return withCall('generateText', input, async () => {
        const started = now();
        const result = await generateText({
          model: models.model(modelId),
          ...buildPrompt(input.system, input.prompt, ttls),
          ...temperature(input.temperature),
          ...(input.maxOutputTokens !== undefined ? { maxOutputTokens: input.maxOutputTokens } : {}),
          ...(input.signal ? { abortSignal: input.signal } : {}),
          maxRetries: 0,
        });
        input.onMetrics?.({ totalMs: now() - started, usage: mapUsage(result.totalUsage) });
        return result.text;
      });
    },

    async generateObject<T>(input: GenerateObjectInput<T>): Promise<T> {
      const modelId = modelFor(input.role);
      const ttls = cacheTtlsFor(config, modelId);
      return withCall('generateObject', input, async () => {
        const started = now();
        try {
          const result = await generateText({
            model: models.model(modelId),
            ...buildPrompt(input.system, input.prompt, ttls),
            output: Output.object({
              schema: input.schema,
              ...(input.schemaName ? { name: input.schemaName } : {}),
            }),
            ...temperature(input.temperature),
            ...(input.maxOutputTokens !== undefined ? { maxOutputTokens: input.maxOutputTokens } : {}),
            ...(input.signal ? { abortSignal: input.signal } : {}),
            maxRetries: 0,
          });
          input.onMetrics?.({ totalMs: now() - started, usage: mapUsage(result.totalUsage) });
          return result.output as T;
        } catch (error) {
          const raw = rawObjectText(error);
          if (raw === undefined) throw error;
          return repairObjectOutput(raw, input.schema, {
            askRepairModel: (system, prompt) => askRepairModel(system, prompt, input.signal),
            cause: error,
          });
        }
      });
    },

    async runAgentLoop(input: RunAgentLoopInput): Promise<RunAgentLoopResult> {
      if (!Number.isInteger(input.stepBudget) || input.stepBudget < 1) {
        throw new KtxError(
          'invalid_argument',
          `runAgentLoop needs a step budget of at least 1, got ${input.stepBudget}.`,
          {
            fix: 'Pass a positive integer stepBudget.',
          },
        );
      }
      const started = now();
      const modelId = modelFor(input.role);
      const ttls = cacheTtlsFor(config, modelId);
      let stepCount = 0;
      let usage: LlmUsage = {};
      const stepBoundariesMs: number[] = [];
      const metrics = () => ({
        totalMs: now() - started,
        usage,
        stepCount,
        stepBoundariesMs: [...stepBoundariesMs],
      });
      const tools = bridgeTools(input.tools, {
        ...(input.signal ? { signal: input.signal } : {}),
        ...(ttls ? { ttls } : {}),
        onToolCalled: (name, ok, durationMs) =>
          input.onEvent?.({ kind: 'tool_called', step: stepCount + 1, name, ok, durationMs }),
      });
      try {
        const result = await withCall('runAgentLoop', input, () =>
          generateText({
            model: models.model(modelId),
            ...buildPrompt(input.system, input.prompt, ttls),
            tools,
            stopWhen: stepCountIs(input.stepBudget),
            ...temperature(undefined),
            ...(input.signal ? { abortSignal: input.signal } : {}),
            maxRetries: 0,
            experimental_repairToolCall: createToolCallRepair({
              tools: input.tools,
              askRepairModel: (system, prompt) => askRepairModel(system, prompt, input.signal),
            }),
            ...(ttls
              ? { prepareStep: ({ messages }) => ({ messages: markLatestMessage(messages, ttls) }) }
              : {}),
            onStepFinish: (step) => {
              stepCount += 1;
              const elapsedMs = now() - started;
              stepBoundariesMs.push(elapsedMs);
              const stepUsage = mapUsage(step.usage);
              usage = addUsage(usage, stepUsage);
              input.onEvent?.({ kind: 'step_finished', step: stepCount, elapsedMs, usage: stepUsage });
            },
          }),
        );
        const last = result.steps.at(-1);
        // stepCountIs stops after the budget-th step even when the model still wanted to act: that is
        // the budget ending the loop, not the model (the reference reported it as natural).
        const budget = result.steps.length >= input.stepBudget && last?.finishReason === 'tool-calls';
        return {
          stopReason: budget ? 'budget' : 'natural',
          ...(result.text ? { finalText: result.text } : {}),
          metrics: { ...metrics(), usage: mapUsage(result.totalUsage) },
        };
      } catch (error) {
        if (isAbortError(error)) throw error;
        return {
          stopReason: 'error',
          error: isKtxError(error) ? error : (error as Error),
          metrics: metrics(),
        };
      }
    },

    async close() {
      // Stateless over HTTP: nothing to release.
    },
  };
  return runtime;
}

/** The raw text of a structured-output failure, when the model answered but not with valid JSON. */
function rawObjectText(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as { name?: unknown; text?: unknown; cause?: unknown };
    if (candidate.name === 'AI_NoObjectGeneratedError' && typeof candidate.text === 'string')
      return candidate.text;
    current = candidate.cause;
  }
  return undefined;
}
