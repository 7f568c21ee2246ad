/**
 * Which wire protocol a request spoke; `gateway` is Vercel AI Gateway's own language-model protocol
 * (`@ai-sdk/gateway`); `other` is anything the server does not script (models, probes).
 */
export type ScriptedApi = 'anthropic' | 'responses' | 'chat' | 'gateway' | 'embeddings' | 'other';

/** Token counts a turn reports; each API maps them to its own usage fields. */
export interface ScriptedUsage {
  inputTokens?: number;
  outputTokens?: number;
  /** Anthropic `cache_read_input_tokens`, OpenAI `cached_tokens`. */
  cacheReadTokens?: number;
  /** Anthropic `cache_creation_input_tokens` (OpenAI has no equivalent). */
  cacheWriteTokens?: number;
}

/** Fields every answering turn may carry. */
interface TurnCommon {
  usage?: ScriptedUsage;
  /** Extra response headers, e.g. `anthropic-ratelimit-requests-remaining` or `x-ratelimit-remaining-tokens`. */
  headers?: Record<string, string>;
}

/** A plain assistant message. */
export interface ScriptedTextTurn extends TurnCommon {
  kind: 'text';
  text: string;
  /** Why generation ended; `max_tokens` maps to `length` / `incomplete` on the OpenAI APIs. */
  stopReason?: 'end' | 'max_tokens';
}

export interface ScriptedToolCall {
  name: string;
  /** An object is sent as JSON; a string is sent verbatim, so tests can send malformed JSON. */
  input: unknown;
  /** Defaults to a stable generated id (`toolu_…` / `call_…`). */
  id?: string;
}

/** One model turn calling one or more tools, optionally after some text. */
export interface ScriptedToolCallsTurn extends TurnCommon {
  kind: 'tool_calls';
  calls: ScriptedToolCall[];
  text?: string;
}

/**
 * Structured output: the JSON document as the assistant's text. When the request offers a tool the
 * client uses for structured output (`json` from @ai-sdk/anthropic, `StructuredOutput` from Claude
 * Code), the document is sent as that tool's input instead, which is how those clients read it.
 */
export interface ScriptedJsonTurn extends TurnCommon {
  kind: 'json';
  /** A string is sent verbatim (may be malformed); anything else is JSON-encoded. */
  value: unknown;
}

export type ScriptedErrorStatus = 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503 | 529;

/** An HTTP error with the provider's own error body shape. */
export interface ScriptedErrorTurn {
  kind: 'error';
  status: ScriptedErrorStatus;
  message?: string;
  /** Overrides the provider error type (`rate_limit_error`, `insufficient_quota`, …). */
  type?: string;
  /** OpenAI `error.code` (e.g. `model_not_found`, `rate_limit_exceeded`). */
  code?: string;
  /** Sets `retry-after` and the provider's rate-limit reset headers to now + this many seconds. */
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
}

/** Starts answering (streams `text` when the request streams) and never finishes until the client goes. */
export interface ScriptedHangTurn {
  kind: 'hang';
  text?: string;
}

/** Waits `ms`, then answers with `turn` (not named `then`: that would make the object a thenable). */
export interface ScriptedDelayTurn {
  kind: 'delay';
  ms: number;
  turn: ScriptedTurn;
}

export type ScriptedTurn =
  | ScriptedTextTurn
  | ScriptedToolCallsTurn
  | ScriptedJsonTurn
  | ScriptedErrorTurn
  | ScriptedHangTurn
  | ScriptedDelayTurn;

/** One request as the server saw it. */
export interface RecordedRequest {
  /** Arrival order over all requests, from 0. */
  seq: number;
  api: ScriptedApi;
  method: string;
  /** The path with the query string removed and the `/v1` prefix kept as sent. */
  path: string;
  /** From the body's `model`; on the gateway API from the `ai-language-model-id` header. */
  model?: string;
  /** From the body's `stream`; on the gateway API from the `ai-language-model-streaming` header. */
  stream: boolean;
  /** Lower-cased header names; `authorization` / `x-api-key` redacted to their last 4 characters. */
  headers: Record<string, string>;
  /** Parsed JSON body (or the raw text when it is not JSON; undefined when empty). */
  body: unknown;
  /** Whether the request consumed a turn, and if not, why it was answered automatically. */
  scripted: boolean;
  auxiliaryReason?: string;
  /** The turn served (scripted requests only; absent when the script was exhausted). */
  turn?: ScriptedTurn;
  /** Set once the client closed the connection before the response finished (abort, hang). */
  clientClosedEarly: boolean;
}

/** What the classifier sees (the request before it is answered). */
export type IncomingRequest = Pick<
  RecordedRequest,
  'api' | 'method' | 'path' | 'model' | 'stream' | 'headers' | 'body'
>;

/**
 * Decides whether a request consumes a turn. Return a string (the reason) to answer it automatically,
 * `false` to force it to be scripted, or `undefined` to defer to the built-in rules.
 */
export type RequestClassifier = (request: IncomingRequest) => string | false | undefined;

export interface ScriptedModelServerOptions {
  turns?: ScriptedTurn[];
  /** Embedding width when the request has no `dimensions`; default 64. */
  embeddingDimensions?: number;
  /** Ids `GET /v1/models` lists; defaults to the models named in turns' requests so far plus a few ids. */
  models?: string[];
  classify?: RequestClassifier;
  /** Receives one line per request the server does not know (api `other`); default: silent. */
  logUnknown?: (line: string) => void;
}

export interface ScriptedModelServer {
  /** `http://127.0.0.1:PORT`, no trailing slash and no `/v1`. */
  readonly url: string;
  /** Every request in arrival order, auxiliary ones included. */
  readonly requests: readonly RecordedRequest[];
  /** Only the requests that consumed (or tried to consume) a turn. */
  readonly scriptedRequests: readonly RecordedRequest[];
  /** Turns not served yet, in order. */
  readonly pending: readonly ScriptedTurn[];
  push(...turns: ScriptedTurn[]): void;
  /** Replaces the queue (empty when omitted) and clears the recorded requests. */
  reset(turns?: ScriptedTurn[]): void;
  /** Stops listening and destroys open sockets (hanging streams included). Safe to call twice. */
  close(): Promise<void>;
}
