import { z } from 'zod';
import { KtxError } from '../../../core/index.js';
import { throwIfAborted } from '../../abort.js';
import { classifyLlmError } from '../../classify-llm-error.js';
import { createDebugRecorder } from '../../debug-recorder.js';
import { modelForRole } from '../../model-roles.js';
import type {
  GenerateObjectInput,
  GenerateTextInput,
  LlmCallBase,
  LlmModelRole,
  LlmRuntime,
  LlmRuntimeDeps,
  ResolvedLlmConfig,
  RunAgentLoopInput,
  RunAgentLoopResult,
} from '../../port.js';
import {
  type CodexCliLauncher,
  createCodexCliLauncher,
  resolveSdkCodexBinary,
} from './codex-cli-launcher.js';
import { resolveCodexModel } from './codex-models.js';
import { loadCodexSdk } from './codex-sdk-loader.js';
import { parseStructuredOutput, repairPrompt } from './codex-structured-output.js';
import { type CodexTurnInput, type CodexTurnOutcome, runCodexTurn } from './codex-turn-runner.js';

export { detectCodexSdk } from './codex-sdk-loader.js';

export interface CodexRuntimeDeps extends LlmRuntimeDeps {
  /** Module name to import instead of @openai/codex-sdk (the not-installed test). */
  sdkSpecifier?: string;
  /** Where the CLI wrapper's private directory is created; the OS temp dir by default. */
  tempDir?: string;
  /** Defaults to process.platform; `win32` runs the CLI without the wrapper. */
  platform?: NodeJS.Platform;
}

/**
 * The Codex backend: each call is one `codex exec` run through @openai/codex-sdk, with the user's
 * Codex sign-in (or an API key / OpenAI-compatible gateway from `config`). The SDK and its CLI
 * binary are looked up when the runtime is created, so a missing install fails there with
 * `llm_not_installed` and the command that fixes it. The CLI runs through a wrapper that adds the
 * isolation flags the SDK cannot pass (`codex-cli-launcher.ts`), written on the first call and
 * removed by `close()`. `close()` also stops running calls: they reject with an AbortError. Temperature,
 * maxOutputTokens and promptCaching have no Codex equivalent and are ignored (status says so).
 */
export async function createCodexRuntime(
  config: ResolvedLlmConfig,
  deps: CodexRuntimeDeps = {},
): Promise<LlmRuntime> {
  // Resolve every configured model first: a typo fails now, with the accepted forms named.
  for (const id of Object.values(config.models)) if (id !== undefined) resolveCodexModel(id);
  const sdk = await loadCodexSdk(deps.sdkSpecifier);
  const binary = resolveSdkCodexBinary(sdk);
  const now = deps.now ?? (() => performance.now());
  // Aborted by close(): every call's signal follows it, so a closed runtime leaves no child behind.
  const closer = new AbortController();
  let launcher: Promise<CodexCliLauncher> | undefined;
  const launch = (): Promise<CodexCliLauncher> => {
    // After close() nothing may write a new wrapper directory that no one would remove.
    throwIfAborted(closer.signal);
    launcher ??= createCodexCliLauncher(binary, {
      ...(deps.platform ? { platform: deps.platform } : {}),
      ...(deps.tempDir ? { tempDir: deps.tempDir } : {}),
    }).catch((error: unknown) => {
      // A temp dir that could not be written this time may work on the next call.
      launcher = undefined;
      throw error;
    });
    return launcher;
  };

  const modelFor = (role: LlmModelRole): string => resolveCodexModel(modelForRole(config.models, role));

  const recorder = config.debugFile ? createDebugRecorder(config.debugFile) : undefined;

  const turn = async (input: LlmCallBase, extra: Partial<CodexTurnInput> = {}): Promise<CodexTurnOutcome> => {
    if (closer.signal.aborted)
      throw new KtxError('llm_provider_error', 'This Codex runtime was closed.', {
        fix: 'Create a new runtime.',
      });
    throwIfAborted(input.signal);
    const signal = input.signal ? AbortSignal.any([input.signal, closer.signal]) : closer.signal;
    const { codexPathOverride } = await launch();
    return runCodexTurn({
      sdk,
      config,
      model: modelFor(input.role),
      prompt: input.prompt,
      now,
      signal,
      ...(codexPathOverride ? { codexPathOverride } : {}),
      ...(input.system !== undefined ? { system: input.system } : {}),
      ...(input.onEvent ? { onEvent: input.onEvent } : {}),
      ...(deps.governor ? { governor: deps.governor } : {}),
      ...(recorder ? { recorder } : {}),
      trace: {
        role: input.role,
        operation: extra.tools ? 'runAgentLoop' : extra.outputSchema ? 'generateObject' : 'generateText',
        ...(input.tags ? { tags: input.tags } : {}),
      },
      ...extra,
    });
  };

  /** The answer text of a successful turn; a failure or an empty answer throws. */
  const answerOf = (outcome: CodexTurnOutcome, input: LlmCallBase): string => {
    input.onMetrics?.({ totalMs: outcome.totalMs, usage: outcome.summary.usage });
    if (outcome.error) throw outcome.error;
    if (outcome.summary.finalText.trim() === '') {
      throw new KtxError(
        'llm_invalid_output',
        `Codex (${modelFor(input.role)}) finished without an answer.`,
        {
          fix: 'Retry; if it keeps happening, run `codex exec` by hand in the project to see what Codex reports.',
        },
      );
    }
    return outcome.summary.finalText;
  };

  const generateText = async (input: GenerateTextInput): Promise<string> =>
    answerOf(await turn(input), input);

  const generateObject = async <T>(input: GenerateObjectInput<T>): Promise<T> => {
    // Codex hands the schema to the model as a structured-output format; zod still has the last word.
    const jsonSchema = z.toJSONSchema(input.schema, { target: 'draft-7' }) as Record<string, unknown>;
    const answer = answerOf(await turn(input, { outputSchema: jsonSchema }), input);
    const parsed = parseStructuredOutput(answer, input.schema);
    if (parsed.ok) return parsed.value;
    // Local repair failed: one `repair`-role call, then the schema decides for good.
    const repaired = answerOf(
      await turn({
        ...input,
        role: 'repair',
        system: undefined,
        prompt: repairPrompt(jsonSchema, answer, parsed.problem),
      }),
      { ...input, role: 'repair' },
    );
    const second = parseStructuredOutput(repaired, input.schema);
    if (second.ok) return second.value;
    throw new KtxError(
      'llm_invalid_output',
      `Codex (${modelFor(input.role)}) returned an object that does not match ${input.schemaName ?? 'the schema'}: ${second.problem}`,
      {
        fix: 'Retry; if it keeps failing, set a stronger model for this role (or for `repair`) under llm.models.',
      },
    );
  };

  const runAgentLoop = async (input: RunAgentLoopInput): Promise<RunAgentLoopResult> => {
    let outcome: CodexTurnOutcome;
    try {
      outcome = await turn(input, { tools: input.tools, stepBudget: Math.max(1, input.stepBudget) });
    } catch (error) {
      // The loop reports failures; only an abort escapes (classifyLlmError rethrows it).
      const classified = classifyLlmError(error, { backend: 'codex', model: modelFor(input.role) });
      return {
        stopReason: 'error',
        error: classified,
        metrics: { totalMs: 0, usage: {}, stepCount: 0, stepBoundariesMs: [] },
      };
    }
    const { summary } = outcome;
    const metrics = {
      totalMs: outcome.totalMs,
      usage: summary.usage,
      stepCount: summary.stepCount,
      stepBoundariesMs: summary.stepBoundariesMs,
    };
    const finalText = summary.finalText.trim() === '' ? {} : { finalText: summary.finalText };
    if (outcome.budgetReached) return { stopReason: 'budget', metrics, ...finalText };
    if (outcome.error) return { stopReason: 'error', error: outcome.error, metrics, ...finalText };
    return { stopReason: 'natural', metrics, ...finalText };
  };

  return {
    backend: 'codex',
    modelFor,
    generateText,
    generateObject,
    runAgentLoop,
    close: async () => {
      if (!closer.signal.aborted) closer.abort();
      // Running children were killed by the abort; the wrapper itself is no longer needed.
      const pending = launcher;
      launcher = undefined;
      await pending?.then(
        (started) => started.dispose(),
        () => {},
      );
    },
  };
}
