import type { Connector } from '../connectors/port.js';
import type { KtxConfig, LoadedConfig } from '../project/index.js';

export type CheckLevel = 'ok' | 'warn' | 'fail' | 'skip';
export type CheckArea = 'config' | 'connections' | 'llm' | 'embeddings' | 'context' | 'agents';

/** One line of `ktx status`. `id` is stable (scripts key on it); `fix` is set whenever level ≠ ok. */
export interface CheckResult {
  id: string;
  area: CheckArea;
  level: CheckLevel;
  message: string;
  fix?: string;
  /** Extra facts for `--json` and `-v` (latency, server version, counts). */
  details?: Record<string, unknown>;
}

/** What a check may look at. Built by the composition root; checks never open adapters themselves. */
export interface StatusContext {
  projectDir: string;
  loaded: LoadedConfig;
  /** `--fast`: no network or database round trips. */
  fast: boolean;
  openConnector(connectionId: string, config: KtxConfig): Promise<Connector>;
  /** Timeout for each live probe. */
  probeTimeoutMs: number;
  /** Loads and validates one connection's semantic layer (supplied by the app: status cannot import it). */
  summariseSemanticLayer(connectionId: string): SemanticLayerSummary;
  /** Resolves the LLM block and, unless `fast`, runs the live probe; null when the backend is none. */
  llmReadiness(fast: boolean): Promise<LlmReadiness | null>;
  /** Resolves the embeddings block and, unless `fast`, embeds one probe text; null when the backend is none. */
  embeddingReadiness?(fast: boolean): Promise<EmbeddingReadiness | null>;
  /** Whether this project's MCP HTTP daemon answers (supplied by the app: status cannot import mcp). */
  mcpDaemon?(): Promise<{ running: boolean; url?: string }>;
}

export interface SemanticLayerSummary {
  files: number;
  sources: number;
  measures: number;
  errors: number;
  warnings: number;
  /** The first error, formatted, to show in the check. */
  firstError?: string;
}

/** A problem as status shows it: the KtxError fields, without the class. */
export interface ReadinessProblem {
  code: string;
  message: string;
  fix?: string;
}

/**
 * What the app found out about the configured LLM backend (status may not open adapters itself).
 * Absent parts were not checked: `probe` is missing under `--fast` or when an earlier part failed.
 */
export interface LlmReadiness {
  backend: string;
  model?: string;
  /** Resolving the block failed: missing default model, bad model id, unresolvable key. */
  configProblem?: ReadinessProblem;
  /** Where the credentials come from (`env:ANTHROPIC_API_KEY`, `local sign-in`…). */
  credentials?: string;
  /** For backends that need an optional SDK (claude-code, codex). */
  sdk?: { name: string; installed: boolean; version?: string; fix?: string };
  /** Configured fields this backend ignores (prompt-caching TTLs and the like). */
  ignoredSettings: string[];
  probe?: { ok: boolean; ms: number; problem?: ReadinessProblem };
}

/** What the app found out about the configured embedding backend (see `llmReadiness` for the shape rules). */
export interface EmbeddingReadiness {
  backend: string;
  model?: string;
  /** The base URL vectors come from (openai, openai-compatible). */
  endpoint?: string;
  /** Resolving the block failed, or `local` is missing its package or model directory. */
  configProblem?: ReadinessProblem;
  probe?: { ok: boolean; ms: number; dimensions?: number; problem?: ReadinessProblem };
}

export type StatusCheck = (context: StatusContext) => Promise<CheckResult[]>;
