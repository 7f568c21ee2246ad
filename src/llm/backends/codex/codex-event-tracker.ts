import type { ThreadEvent, ThreadItem } from '@openai/codex-sdk';
import type { LlmRuntimeEvent, LlmUsage } from '../../port.js';

/** Items that are the model acting (one tool-calling response each, as far as the stream shows). */
const ACTION_ITEM_TYPES = new Set<ThreadItem['type']>([
  'mcp_tool_call',
  'command_execution',
  'file_change',
  'web_search',
]);

export interface CodexTurnSummary {
  /** Last agent message (the answer, or the JSON document under an output schema). */
  finalText: string;
  usage: LlmUsage;
  stepCount: number;
  stepBoundariesMs: number[];
  /** The turn's fatal error (`turn.failed` / `error` event), its API envelope unwrapped. */
  failure?: string;
  /** Completed action steps; a retry after this many is no longer side-effect free. */
  actionSteps: number;
  /** Non-fatal notices Codex emitted as `error` items (unknown model metadata, ignored settings). */
  notices: string[];
}

export interface CodexEventTrackerOptions {
  startedAt: number;
  now: () => number;
  /** Ends the run once this many action steps completed (the SDK has no max-turns of its own). */
  stepBudget?: number;
  onEvent?: (event: LlmRuntimeEvent) => void;
}

/**
 * Reads the `codex exec` JSONL stream live. A step is one completed action item (MCP tool call,
 * command, file change, search); the answer after the last action is one more step, and a turn with
 * no action is one step. Steps, tool calls and the budget are decided as events arrive, so progress
 * is live and the budget stops the run mid-stream (reference R21/R22).
 */
export class CodexEventTracker {
  private finalText = '';
  private usage: LlmUsage = {};
  private actionCount = 0;
  private answeredAfterLastAction = false;
  private readonly boundaries: number[] = [];
  private failure: string | undefined;
  private readonly notices: string[] = [];
  private readonly startedItems = new Map<string, number>();

  constructor(private readonly options: CodexEventTrackerOptions) {}

  /** Returns `budget` when the step budget is reached and the run must stop now. */
  observe(event: ThreadEvent): 'continue' | 'budget' {
    switch (event.type) {
      case 'item.started':
        this.startedItems.set(event.item.id, this.options.now());
        return 'continue';
      case 'item.completed':
        return this.completeItem(event.item);
      case 'turn.completed': {
        const usage = event.usage;
        this.usage = {
          inputTokens: usage.input_tokens,
          outputTokens: usage.output_tokens,
          // The SDK reports no total (reference R19).
          totalTokens: usage.input_tokens + usage.output_tokens,
          ...(usage.cached_input_tokens ? { cacheReadTokens: usage.cached_input_tokens } : {}),
          ...(usage.cache_write_input_tokens ? { cacheWriteTokens: usage.cache_write_input_tokens } : {}),
        };
        if (this.actionCount === 0 || this.answeredAfterLastAction) this.finishStep();
        return 'continue';
      }
      case 'turn.failed':
        this.failure = unwrapApiEnvelope(event.error.message);
        return 'continue';
      case 'error':
        this.failure = unwrapApiEnvelope(event.message);
        return 'continue';
      default:
        return 'continue';
    }
  }

  private completeItem(item: ThreadItem): 'continue' | 'budget' {
    if (item.type === 'agent_message') {
      this.finalText = item.text;
      if (this.actionCount > 0) this.answeredAfterLastAction = true;
      this.options.onEvent?.({ kind: 'text_delta', text: item.text });
      return 'continue';
    }
    if (item.type === 'error') {
      this.notices.push(item.message);
      return 'continue';
    }
    if (!ACTION_ITEM_TYPES.has(item.type)) return 'continue';
    this.actionCount += 1;
    this.answeredAfterLastAction = false;
    const startedAt = this.startedItems.get(item.id) ?? this.options.now();
    if (item.type === 'mcp_tool_call') {
      this.options.onEvent?.({
        kind: 'tool_called',
        step: this.boundaries.length + 1,
        name: item.tool,
        // A successful call carries `error: null`; only a failed status or a real error is a failure (R23).
        ok: item.status !== 'failed' && !item.error,
        durationMs: this.options.now() - startedAt,
      });
    }
    this.finishStep();
    const budget = this.options.stepBudget;
    return budget !== undefined && this.actionCount >= budget ? 'budget' : 'continue';
  }

  private finishStep(): void {
    const elapsedMs = this.options.now() - this.options.startedAt;
    this.boundaries.push(elapsedMs);
    this.options.onEvent?.({
      kind: 'step_finished',
      step: this.boundaries.length,
      elapsedMs,
      usage: this.usage,
    });
  }

  summary(): CodexTurnSummary {
    return {
      finalText: this.finalText,
      usage: this.usage,
      stepCount: this.boundaries.length,
      stepBoundariesMs: [...this.boundaries],
      actionSteps: this.actionCount,
      notices: [...this.notices],
      ...(this.failure !== undefined ? { failure: this.failure } : {}),
    };
  }
}

/** Codex relays API errors as raw JSON (`{"error":{"message":…}}`); the message inside names the problem. */
export function unwrapApiEnvelope(message: string): string {
  const start = message.indexOf('{');
  if (start < 0) return message;
  try {
    const parsed = JSON.parse(message.slice(start)) as { error?: { message?: unknown }; message?: unknown };
    const inner = parsed.error?.message ?? parsed.message;
    if (typeof inner === 'string' && inner.trim() !== '') {
      const prefix = message.slice(0, start).trim();
      return prefix ? `${prefix} ${inner}` : inner;
    }
  } catch {
    // not an envelope; keep the text as it is
  }
  return message;
}
