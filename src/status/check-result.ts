import type { Connector } from '../connectors/port.js';
import type { KtxConfig, LoadedConfig } from '../project/index.js';

export type CheckLevel = 'ok' | 'warn' | 'fail' | 'skip';
export type CheckArea = 'config' | 'connections' | 'llm' | 'embeddings' | 'context';

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

export type StatusCheck = (context: StatusContext) => Promise<CheckResult[]>;
