import type { z } from 'zod';

/**
 * The LLM runtime port: the one surface every caller (scan enrichment, ingest, memory, status probes,
 * `ktx llm test`) talks to, whatever backend answers. Pure types and constants, importable alone
 * from any layer that may use `llm` (scripts/layer-rules.mjs).
 *
 * Contract every backend keeps (test/llm/contract/ runs the same cases against each):
 * - An abort is rethrown as an AbortError, never turned into `stopReason: 'error'` or a KtxError.
 * - `runAgentLoop` never throws for a model or tool failure: it returns `stopReason: 'error'` with the
 *   classified error and the metrics gathered so far. It returns `budget` when the step budget, not the
 *   model, ended the loop.
 * - `generateText` / `generateObject` throw a `KtxError` with an `llm_*` code and a fix line.
 */

/** Backends `llm.provider.backend` accepts. `none` disables every LLM feature. */
export const LLM_BACKEND_NAMES = [
  'none',
  'anthropic',
  'vertex',
  'gateway',
  'openai',
  'openai-compatible',
  'claude-code',
  'codex',
] as const;
export type LlmBackendName = (typeof LLM_BACKEND_NAMES)[number];

/** Model roles. Each falls back to `default`; later features add roles here, never rename them. */
export const LLM_MODEL_ROLES = [
  'default',
  'triage',
  'candidateExtraction',
  'curator',
  'reconcile',
  'repair',
] as const;
export type LlmModelRole = (typeof LLM_MODEL_ROLES)[number];

export interface LlmUsage {
  /** Present only when the backend reported it. */
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  /** Prompt-cache reads/writes where the provider reports them. */
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export interface LlmCallMetrics {
  totalMs: number;
  usage: LlmUsage;
}

export interface RunLoopMetrics extends LlmCallMetrics {
  /** Model turns taken (one turn may call several tools). */
  stepCount: number;
  /** Milliseconds since the loop started at which each step finished. */
  stepBoundariesMs: number[];
}

/** What a tool hands back: Markdown the model reads, plus optional structured data for callers. */
export interface LlmToolOutput {
  markdown: string;
  structured?: unknown;
}

/**
 * A tool described once and bridged per backend (AI SDK tool, in-process MCP server for Claude Code,
 * loopback Streamable-HTTP MCP server for Codex). The input schema must be a zod object so every
 * backend can publish it as a JSON Schema object.
 */
export interface LlmToolDescriptor<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  description: string;
  inputSchema: z.ZodObject<Shape>;
  execute(input: z.infer<z.ZodObject<Shape>>, context: LlmToolCallContext): Promise<LlmToolOutput | string>;
}

export interface LlmToolCallContext {
  signal: AbortSignal;
  /** The backend's id for this call, for logs and transcripts. */
  toolCallId: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a tool set mixes tools of different input shapes.
export type LlmToolSet = Record<string, LlmToolDescriptor<any>>;

/** Live progress a caller may render; backends emit what they can observe. */
export type LlmRuntimeEvent =
  | { kind: 'step_finished'; step: number; elapsedMs: number; usage: LlmUsage }
  | { kind: 'tool_called'; step: number; name: string; ok: boolean; durationMs: number }
  | { kind: 'text_delta'; text: string }
  | {
      kind: 'rate_limit_wait';
      provider: string;
      resumeAtMs: number;
      remainingMs: number;
      rateLimitType?: string;
    }
  | { kind: 'rate_limit_resumed'; provider: string }
  | { kind: 'retry'; attempt: number; maxAttempts: number; reason: string };

export interface LlmCallBase {
  role: LlmModelRole;
  system?: string;
  prompt: string;
  temperature?: number;
  maxOutputTokens?: number;
  signal?: AbortSignal;
  /** Free-form tags recorded in debug logs and telemetry (operation name, source, unit key). */
  tags?: Record<string, string>;
  onEvent?: (event: LlmRuntimeEvent) => void;
  /** Called once after a successful provider call. */
  onMetrics?: (metrics: LlmCallMetrics) => void;
}

export interface GenerateTextInput extends LlmCallBase {}

export interface GenerateObjectInput<T> extends LlmCallBase {
  /** The caller's schema; the result is validated against it (after local and `repair`-role repair). */
  schema: z.ZodType<T>;
  /** Short name for the object, used in provider JSON-mode hints. */
  schemaName?: string;
}

export interface RunAgentLoopInput {
  role: LlmModelRole;
  system: string;
  prompt: string;
  tools: LlmToolSet;
  /** Maximum model turns; reaching it ends the loop with `stopReason: 'budget'`. */
  stepBudget: number;
  signal?: AbortSignal;
  tags?: Record<string, string>;
  onEvent?: (event: LlmRuntimeEvent) => void;
}

export type StopReason = 'natural' | 'budget' | 'error';

export interface RunAgentLoopResult {
  stopReason: StopReason;
  /** Set when `stopReason` is `error`: a KtxError with an `llm_*` code and a fix. */
  error?: Error;
  /** The model's last text, when it ended with one. */
  finalText?: string;
  metrics: RunLoopMetrics;
}

/** What every backend implements. */
export interface LlmRuntime {
  readonly backend: Exclude<LlmBackendName, 'none'>;
  /** The concrete model id a role resolves to (after fallback and alias resolution). */
  modelFor(role: LlmModelRole): string;
  generateText(input: GenerateTextInput): Promise<string>;
  generateObject<T>(input: GenerateObjectInput<T>): Promise<T>;
  runAgentLoop(input: RunAgentLoopInput): Promise<RunAgentLoopResult>;
  /** Releases child processes, servers and sockets. Safe to call twice. */
  close(): Promise<void>;
}

/** Error classes a backend failure is mapped to; each maps to one `llm_*` error code. */
export const LLM_FAILURE_KINDS = [
  'auth',
  'model_unavailable',
  'rate_limit',
  'network',
  'invalid_output',
  'tool_failure',
  'not_installed',
  'provider',
] as const;
export type LlmFailureKind = (typeof LLM_FAILURE_KINDS)[number];

/** Prompt-caching settings after defaults (`llm.promptCaching`). */
export interface LlmPromptCaching {
  enabled: boolean;
  systemTtl: '5m' | '1h';
  toolsTtl: '5m' | '1h';
  historyTtl: '5m' | '1h';
  /** Vertex rejects 1h TTLs on some models; fall back to 5m instead of failing. */
  vertexFallbackTo5m: boolean;
}

/**
 * What `llm.promptCaching` means when a field is unset. The app fills gaps from it, and status reports
 * a backend's ignored settings only where they differ from it, so both must read this one value.
 */
export const DEFAULT_PROMPT_CACHING: LlmPromptCaching = {
  enabled: true,
  systemTtl: '1h',
  toolsTtl: '1h',
  historyTtl: '5m',
  vertexFallbackTo5m: true,
};

/**
 * The `llm` block after the app layer resolved `env:`/`file:` references and applied defaults. The llm
 * layer never reads ktx.yaml or `process.env` itself: everything it needs arrives here.
 */
export interface ResolvedLlmConfig {
  backend: Exclude<LlmBackendName, 'none'>;
  /** `default` is required; other roles fall back to it. Values are as written (aliases unresolved). */
  models: { default: string } & Partial<Record<LlmModelRole, string>>;
  /** API key for anthropic / gateway / openai / openai-compatible (optional for local servers). */
  apiKey?: string;
  /** Base URL override; required for openai-compatible. */
  baseUrl?: string;
  vertex?: { project?: string; location: string };
  promptCaching: LlmPromptCaching;
  /** The project directory: working directory of Claude Code / Codex children. */
  projectDir: string;
  /** The environment child processes derive theirs from (scrubbed or allow-listed per backend). */
  env: Readonly<Record<string, string | undefined>>;
  /** JSONL file receiving one redacted line per provider call (`--debug-llm-requests`). */
  debugFile?: string;
}

/** A provider's rate-limit observation, reported to the shared governor. */
export interface RateLimitSignal {
  provider: string;
  status: 'allowed' | 'warning' | 'rejected';
  resetAtMs?: number;
  retryAfterMs?: number;
  /** 0..1, share of the limit already used. */
  utilization?: number;
  rateLimitType?: string;
}

/**
 * Shared by every concurrent call of one runtime: pauses all callers on a rejection, lowers
 * concurrency under pressure, restores it on headroom. Waits are abortable and hold no slot.
 */
export interface RateLimitGovernor {
  report(signal: RateLimitSignal): void;
  /** Resolves when no pause is active; rejects with an AbortError when `signal` aborts. */
  waitForReady(signal?: AbortSignal): Promise<void>;
  /** Waits for the pause and a free slot; the returned release is idempotent. */
  acquireSlot(signal?: AbortSignal): Promise<() => void>;
  /** Total attempts a caller may make for one call (first try included). */
  maxAttempts(): number;
  /** Backoff before attempt `attempt` (1-based) when the provider gave no reset time. */
  backoffMs(attempt: number): number;
  subscribe(listener: (event: LlmRuntimeEvent) => void): () => void;
  currentLimit(): number;
  activeSlots(): number;
}

/** What the app layer hands a backend factory besides the config. */
export interface LlmRuntimeDeps {
  governor?: RateLimitGovernor;
  /** Injected clock for tests; defaults to Date.now / performance.now. */
  now?: () => number;
  /** HTTP transport of the AI SDK backends (wrapped by the governor); defaults to global fetch. */
  fetch?: typeof fetch;
  /** Vertex bearer-token source; defaults to Google Application Default Credentials. */
  vertexAccessToken?: () => Promise<string | null>;
}
