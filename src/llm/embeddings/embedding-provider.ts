/**
 * The embedding port: what search and status talk to, whatever backend answers. Vectors are
 * Float32Arrays of exactly `dimensions` numbers, one per input text, in input order.
 */
export const EMBEDDING_BACKEND_NAMES = ['openai', 'openai-compatible', 'local'] as const;
export type EmbeddingBackendName = (typeof EMBEDDING_BACKEND_NAMES)[number];

export interface EmbeddingProvider {
  readonly backend: EmbeddingBackendName;
  readonly model: string;
  /** Known after construction when configured, else after the first successful call. */
  readonly dimensions: number | undefined;
  /** Largest number of texts sent in one request; `embed` splits bigger inputs itself. */
  readonly maxBatchSize: number;
  /** Embeds any number of texts (split into batches, retried on rate limits, dimension-checked). */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/**
 * The `embeddings` block after the app layer resolved `env:`/`file:` references, relative paths and
 * defaults. The llm layer never reads ktx.yaml or `process.env` itself.
 */
export interface ResolvedEmbeddingConfig {
  backend: EmbeddingBackendName;
  model: string;
  /** Requested/expected width; checked against every vector returned. */
  dimensions?: number;
  batchSize: number;
  apiKey?: string;
  /** `https://api.openai.com/v1` for openai; required for openai-compatible (Ollama: `http://localhost:11434/v1`). */
  baseUrl?: string;
  /** Absolute model directory for `local`. */
  modelDir?: string;
}

/** One batch call of a concrete backend, before batching, retries and checks are applied. */
export type EmbedBatch = (texts: string[], signal?: AbortSignal) => Promise<number[][] | Float32Array[]>;
