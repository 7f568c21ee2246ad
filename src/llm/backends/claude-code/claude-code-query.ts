import { existsSync } from 'node:fs';
import type { SDKMessage, SDKResultMessage, Options as SdkOptions } from '@anthropic-ai/claude-agent-sdk';
import { isKtxError, KtxError } from '../../../core/index.js';
import { abortErrorFor, isAbortError, linkAbortSignal, throwIfAborted } from '../../abort.js';
import type { LlmRuntimeEvent, LlmToolSet, LlmUsage, RateLimitGovernor } from '../../port.js';
import { assertClaudeCodeIsolation } from './claude-code-isolation.js';
import { type ClaudeAgentSdk, claudeCodeNotInstalledError } from './claude-code-sdk.js';
import { signalFromApiRetry, signalFromRateLimitInfo } from './claude-code-signals.js';
import { CLAUDE_CODE_MCP_SERVER, createClaudeCodeToolBridge } from './claude-code-tools.js';

/** Built-in tools named as disallowed as well, so a CLI whose `tools: []` lets one through still refuses it. */
const DISALLOWED_BUILT_INS = [
  'Agent',
  'Task',
  'AskUserQuestion',
  'Bash',
  'BashOutput',
  'KillShell',
  'Read',
  'Edit',
  'MultiEdit',
  'Write',
  'NotebookEdit',
  'Glob',
  'Grep',
  'WebFetch',
  'WebSearch',
  'TodoWrite',
  'Skill',
  'SlashCommand',
  'ExitPlanMode',
];

/** The SDK's pseudo-tool for `outputFormat`; present in the session only for generateObject. */
export const STRUCTURED_OUTPUT_TOOL = 'StructuredOutput';

export interface ClaudeCodeQueryRequest {
  model: string;
  prompt: string;
  system?: string;
  maxTurns: number;
  tools?: LlmToolSet;
  /** JSON Schema for `outputFormat` (generateObject). */
  outputSchema?: Record<string, unknown>;
  maxOutputTokens?: number;
  signal?: AbortSignal;
  onEvent?: (event: LlmRuntimeEvent) => void;
}

export interface ClaudeCodeQueryContext {
  sdk: ClaudeAgentSdk;
  env: Record<string, string>;
  projectDir: string;
  governor?: RateLimitGovernor;
  /** Aborted by `runtime.close()`. */
  closeSignal: AbortSignal;
  /**
   * 401/403 retries of the CLI to sit through before stopping it: 1 on the sign-in (a retry may be a
   * token refresh that heals), 0 with an API key (a rejected key never heals).
   */
  authRetryLimit: number;
}

/** What one attempt observed; `failure` is set when the SDK threw before a result arrived. */
export interface ClaudeCodeAttempt {
  result?: SDKResultMessage;
  failure?: unknown;
  /** A subscription `rate_limit_event` said `rejected` (and was reported with its reset time). */
  rejectedReported: boolean;
  /** Top-level assistant text blocks, in order (local JSON repair reads them). */
  texts: string[];
  /** Inputs of StructuredOutput calls: the parsed object, or the raw text the CLI could not parse. */
  structuredInputs: unknown[];
  toolCalls: number;
  stepBoundariesMs: number[];
  /** Turns observed in the stream (the result's num_turns is authoritative when present). */
  observedSteps: number;
  /** Conversation messages seen (prompt, assistant turns, tool results), for the debug record. */
  messageCount: number;
  elapsedMs: number;
}

/**
 * Runs one Claude Code query in an isolated session and collects what happened. Throws only for an
 * abort (as an AbortError), a failed isolation check and a missing binary; every other failure comes
 * back in `failure` or as an error result, for the caller's retry and classification.
 */
export async function runClaudeCodeQuery(
  context: ClaudeCodeQueryContext,
  request: ClaudeCodeQueryRequest,
): Promise<ClaudeCodeAttempt> {
  throwIfAborted(request.signal);
  // The SDK reports a missing cwd as a binary that "failed to launch", which sends users hunting for
  // a libc problem; name the real one.
  if (!existsSync(context.projectDir)) {
    throw new KtxError('llm_config', `The project directory ${context.projectDir} does not exist.`, {
      fix: 'Run ktx from an existing project directory (or pass --project-dir).',
      data: { backend: 'claude-code' },
    });
  }
  const linked = linkAbortSignal(request.signal);
  const onClose = () => linked.controller.abort(context.closeSignal.reason);
  context.closeSignal.addEventListener('abort', onClose, { once: true });
  const started = performance.now();
  const attempt: ClaudeCodeAttempt = {
    rejectedReported: false,
    texts: [],
    structuredInputs: [],
    toolCalls: 0,
    stepBoundariesMs: [],
    observedSteps: 0,
    messageCount: 1,
    elapsedMs: 0,
  };
  const elapsed = () => Math.round(performance.now() - started);
  const emit = (event: LlmRuntimeEvent) => request.onEvent?.(event);

  const tools = request.tools ?? {};
  const bridge =
    Object.keys(tools).length > 0
      ? createClaudeCodeToolBridge(context.sdk, tools, {
          signal: linked.controller.signal,
          onToolCalled: (call) => {
            attempt.toolCalls += 1;
            emit({ kind: 'tool_called', step: Math.max(1, attempt.observedSteps), ...call });
          },
        })
      : undefined;
  const expectedTools = [
    ...(bridge?.allowedToolIds ?? []),
    ...(request.outputSchema ? [STRUCTURED_OUTPUT_TOOL] : []),
  ];
  const env = { ...context.env };
  if (request.maxOutputTokens !== undefined)
    env.CLAUDE_CODE_MAX_OUTPUT_TOKENS = String(request.maxOutputTokens);

  const options: SdkOptions = {
    abortController: linked.controller,
    cwd: context.projectDir,
    env,
    model: request.model,
    maxTurns: request.maxTurns,
    // Nothing from the machine: no settings files, skills, plugins, built-in tools, or MCP servers
    // other than ours; managed policy may only allow ours too.
    settingSources: [],
    skills: [],
    plugins: [],
    tools: [],
    strictMcpConfig: true,
    managedSettings: {
      allowManagedMcpServersOnly: true,
      allowedMcpServers: bridge ? [{ serverName: CLAUDE_CODE_MCP_SERVER }] : [],
    },
    ...(bridge ? { mcpServers: { [CLAUDE_CODE_MCP_SERVER]: bridge.server } } : {}),
    allowedTools: bridge?.allowedToolIds ?? [],
    disallowedTools: DISALLOWED_BUILT_INS,
    // Never prompt: anything not pre-approved above is denied on the spot.
    permissionMode: 'dontAsk',
    permissionPrompts: 'none',
    persistSession: false,
    // Prompts are assembled by ktx from data (wiki pages, table names); `@path` or `/command` text in
    // them must reach the model as text, not be expanded by the CLI.
    verbatimPrompts: true,
    ...(request.system !== undefined ? { systemPrompt: request.system } : {}),
    ...(request.outputSchema ? { outputFormat: { type: 'json_schema', schema: request.outputSchema } } : {}),
  };

  const governor = context.governor;
  let authRetries = 0;
  let authFailure: Error | undefined;
  let openStep: { id: string; usage: LlmUsage } | undefined;
  const closeStep = () => {
    if (!openStep) return;
    const at = elapsed();
    attempt.stepBoundariesMs.push(at);
    emit({ kind: 'step_finished', step: attempt.observedSteps, elapsedMs: at, usage: openStep.usage });
    openStep = undefined;
  };

  try {
    const stream = context.sdk.query({ prompt: request.prompt, options });
    for await (const message of stream as AsyncIterable<SDKMessage>) {
      if (request.signal?.aborted) break;
      if (message.type === 'system' && message.subtype === 'init') {
        assertClaudeCodeIsolation(message, { toolIds: expectedTools, mcpServer: bridge !== undefined });
      } else if (message.type === 'rate_limit_event') {
        const signal = signalFromRateLimitInfo(message.rate_limit_info);
        governor?.report(signal);
        if (signal.status === 'rejected') attempt.rejectedReported = true;
      } else if (message.type === 'system' && message.subtype === 'api_retry') {
        const signal = signalFromApiRetry(message);
        if (signal) governor?.report(signal);
        emit({
          kind: 'retry',
          attempt: message.attempt + 1,
          maxAttempts: message.max_retries + 1,
          reason: `Claude Code API ${message.error_status ?? 'connection'} error (${String(message.error)})`,
        });
        if (message.error_status === 401 || message.error_status === 403) {
          // Left alone the CLI retries a rejected credential ten times with backoff.
          authRetries += 1;
          if (authRetries > context.authRetryLimit) {
            authFailure = Object.assign(
              new Error(`Claude Code API authentication failed (${message.error_status}).`),
              {
                status: message.error_status,
              },
            );
            break;
          }
        }
      } else if (
        message.type === 'assistant' &&
        message.parent_tool_use_id === null &&
        // The CLI reports an API error as a synthetic assistant message; it is not a model turn.
        message.message.model !== '<synthetic>'
      ) {
        const id = message.message.id;
        if (openStep?.id !== id) {
          closeStep();
          attempt.observedSteps += 1;
          attempt.messageCount += 1;
          openStep = { id, usage: stepUsage(message.message.usage) };
        }
        for (const block of message.message.content) {
          if (block.type === 'text' && block.text.length > 0) {
            attempt.texts.push(block.text);
            emit({ kind: 'text_delta', text: block.text });
          } else if (block.type === 'tool_use' && block.name === STRUCTURED_OUTPUT_TOOL) {
            attempt.structuredInputs.push(unparsedInput(block.input) ?? block.input);
          }
        }
      } else if (message.type === 'user' && message.parent_tool_use_id === null) {
        closeStep();
        attempt.messageCount += 1;
      } else if (message.type === 'result') {
        closeStep();
        attempt.result = message;
        // The turn is over; leaving the loop ends the child instead of waiting for trailing events.
        break;
      }
    }
  } catch (error) {
    if (request.signal?.aborted || context.closeSignal.aborted)
      throw abortErrorFor(request.signal ?? context.closeSignal);
    if (isKtxError(error)) throw error;
    if (isAbortError(error) && authFailure) {
      // Our own stop after repeated 401s: the auth failure is the story.
    } else if (isMissingBinary(error)) {
      throw claudeCodeNotInstalledError(error);
    } else {
      attempt.failure = error;
    }
  } finally {
    linked.controller.abort();
    linked.dispose();
    context.closeSignal.removeEventListener('abort', onClose);
    attempt.elapsedMs = elapsed();
  }
  if (request.signal?.aborted) throw abortErrorFor(request.signal);
  if (context.closeSignal.aborted) throw abortErrorFor(context.closeSignal);
  if (authFailure) attempt.failure = authFailure;
  else if (!attempt.result && attempt.failure === undefined) {
    attempt.failure = new KtxError('llm_provider_error', 'Claude Code ended without a result message.', {
      fix: 'Run `claude -p "Reply with exactly: ok"` in the project directory to see what Claude Code reports, then rerun.',
      data: { backend: 'claude-code', model: request.model },
    });
  }
  return attempt;
}

function stepUsage(usage: {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}): LlmUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: (usage.input_tokens ?? 0) + cacheRead + cacheWrite,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
  };
}

function isMissingBinary(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /Claude Code executable not found|native binary not found|spawn \S*claude\S* ENOENT/i.test(text);
}

// Tool input the CLI could not parse as JSON arrives as `{__unparsedToolInput: {raw}}`.
function unparsedInput(input: unknown): string | undefined {
  const raw = (input as { __unparsedToolInput?: { raw?: unknown } } | null)?.__unparsedToolInput?.raw;
  return typeof raw === 'string' ? raw : undefined;
}
