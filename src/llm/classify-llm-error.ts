import { isKtxError, KtxError } from '../core/index.js';
import { isAbortError } from './abort.js';
import type { LlmFailureKind } from './port.js';
import { type HeaderRecord, retryAfterMsFromHeaders } from './rate-limit-headers.js';

export interface LlmErrorContext {
  backend: string;
  model: string;
  /** Base URL the backend talks to, named in network fixes. */
  baseUrl?: string;
  /** Attempts already made, named in rate-limit messages. */
  attempts?: number;
}

const CODE_BY_KIND = {
  auth: 'llm_auth',
  model_unavailable: 'llm_model_unavailable',
  rate_limit: 'llm_rate_limited',
  network: 'llm_network',
  invalid_output: 'llm_invalid_output',
  tool_failure: 'llm_tool_failure',
  not_installed: 'llm_not_installed',
  provider: 'llm_provider_error',
} as const satisfies Record<LlmFailureKind, string>;

const KIND_BY_CODE = new Map<string, LlmFailureKind>(
  Object.entries(CODE_BY_KIND).map(([kind, code]) => [code, kind as LlmFailureKind]),
);

/** What the error chain says, gathered from every wrapper (RetryError, cause, lastError, errors[]). */
export interface LlmErrorFacts {
  kind: LlmFailureKind;
  statusCode?: number;
  retryAfterMs?: number;
  /** A subscription session/usage limit rather than a per-minute rate limit. */
  sessionLimit: boolean;
  /** The innermost message, which names the real problem. */
  message: string;
}

/** Every error in the chain, outermost first; bounded so a cyclic cause cannot loop forever. */
function errorChain(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  const chain: unknown[] = [];
  while (queue.length > 0 && chain.length < 32) {
    const current = queue.shift();
    if (current === undefined || current === null || seen.has(current)) continue;
    seen.add(current);
    chain.push(current);
    if (typeof current !== 'object') continue;
    const record = current as { lastError?: unknown; cause?: unknown; errors?: unknown };
    // AI SDK RetryError keeps the real failure in lastError/errors; a 429 hides there (reference gap).
    if (record.lastError !== undefined) queue.push(record.lastError);
    if (Array.isArray(record.errors)) queue.push(...[...record.errors].reverse());
    if (record.cause !== undefined) queue.push(record.cause);
  }
  return chain;
}

function field<T>(value: unknown, key: string, type: 'number' | 'string' | 'object'): T | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = (value as Record<string, unknown>)[key];
  return typeof raw === type && raw !== null ? (raw as T) : undefined;
}

const RATE_LIMIT_TEXT =
  /\b429\b|rate[ _-]?limit|too many requests|quota exceeded|overloaded|resource[ _]exhausted/i;
const SESSION_LIMIT_TEXT = /session limit|usage limit|weekly limit|5-hour limit/i;
const AUTH_TEXT =
  /\b401\b|unauthori[sz]ed|unauthenticated|authentication|invalid (x-)?api[ _-]?key|api key (is )?(missing|invalid|not set)|not logged in|please (log|sign) ?in|permission[ _]denied|credentials/i;
const MODEL_TEXT =
  /model[^.]{0,80}\b(not found|does not exist|not available|not supported|is not supported|unavailable)|unknown model|unsupported model|no such model|model_not_found|not_found_error/i;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);
const NETWORK_TEXT =
  /fetch failed|socket hang up|network error|ECONNREFUSED|ENOTFOUND|getaddrinfo|connect ETIMEDOUT/i;
const NOT_INSTALLED_TEXT =
  /cannot find (module|package)|ERR_MODULE_NOT_FOUND|is not installed|spawn \S+ ENOENT/i;
const INVALID_OUTPUT_NAMES = new Set([
  'AI_NoObjectGeneratedError',
  'AI_TypeValidationError',
  'AI_JSONParseError',
  'AI_InvalidToolInputError',
  'AI_NoOutputGeneratedError',
  'AI_NoSuchToolError',
  'AI_ToolCallRepairError',
  'ZodError',
]);

function kindFromStatus(status: number): LlmFailureKind | undefined {
  if (status === 429 || status === 529) return 'rate_limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model_unavailable';
  return undefined;
}

function kindFromName(name: string): LlmFailureKind | undefined {
  if (/RateLimit/i.test(name)) return 'rate_limit';
  if (name === 'AI_LoadAPIKeyError' || /Authentication|Forbidden/.test(name)) return 'auth';
  if (name === 'AI_NoSuchModelError' || name === 'GatewayModelNotFoundError') return 'model_unavailable';
  if (INVALID_OUTPUT_NAMES.has(name)) return 'invalid_output';
  if (name === 'AI_ToolExecutionError' || name === 'ToolExecutionError') return 'tool_failure';
  return undefined;
}

function kindFromText(text: string): LlmFailureKind | undefined {
  if (RATE_LIMIT_TEXT.test(text) || SESSION_LIMIT_TEXT.test(text)) return 'rate_limit';
  if (MODEL_TEXT.test(text)) return 'model_unavailable';
  if (AUTH_TEXT.test(text)) return 'auth';
  if (NOT_INSTALLED_TEXT.test(text)) return 'not_installed';
  if (NETWORK_TEXT.test(text)) return 'network';
  return undefined;
}

/**
 * Reads the whole chain: an HTTP status anywhere wins (429 first, so a retry wrapper never hides a
 * rate limit), then error class names, then message and response-body text.
 */
export function inspectLlmError(error: unknown, nowMs: number = Date.now()): LlmErrorFacts {
  const chain = errorChain(error);
  const statuses = chain
    .map((item) => field<number>(item, 'statusCode', 'number') ?? field<number>(item, 'status', 'number'))
    .filter((status): status is number => status !== undefined);
  const texts = chain.flatMap((item) => [
    item instanceof Error ? item.message : typeof item === 'string' ? item : '',
    field<string>(item, 'responseBody', 'string') ?? '',
  ]);
  const allText = texts.join('\n');
  const innermost = [...chain].reverse().find((item) => item instanceof Error) as Error | undefined;
  // Some SDK errors colour their text for a terminal; ktx prints its own line.
  const message = (innermost?.message || (error instanceof Error ? error.message : String(error)))
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trim();

  let retryAfterMs: number | undefined;
  for (const item of chain) {
    const headers = field<HeaderRecord>(item, 'responseHeaders', 'object');
    retryAfterMs ??= retryAfterMsFromHeaders(headers, nowMs);
    const retryAfter = field<number>(item, 'retryAfter', 'number');
    // Some wrappers give seconds, some milliseconds; a value under 1000 is read as seconds.
    if (retryAfterMs === undefined && retryAfter !== undefined)
      retryAfterMs = retryAfter < 1000 ? retryAfter * 1000 : retryAfter;
  }

  const base = { retryAfterMs, sessionLimit: SESSION_LIMIT_TEXT.test(allText), message };
  const statusCode = statuses.find((status) => status === 429) ?? statuses[0];
  const ktxKind = chain
    .map((item) => (isKtxError(item) ? KIND_BY_CODE.get(item.code) : undefined))
    .find((kind) => kind !== undefined);
  if (statuses.some((status) => kindFromStatus(status) === 'rate_limit'))
    return { ...base, kind: 'rate_limit', statusCode };
  if (ktxKind) return { ...base, kind: ktxKind, statusCode };
  const codes = chain.map((item) => field<string>(item, 'code', 'string')).filter(Boolean) as string[];
  for (const status of statuses) {
    const kind = kindFromStatus(status);
    // A 404 from an OpenAI-compatible server can be a wrong base URL; only call it a model problem
    // when the body mentions a model, or nothing else explains it.
    if (kind === 'model_unavailable' && !MODEL_TEXT.test(allText) && NETWORK_TEXT.test(allText)) continue;
    if (kind) return { ...base, kind, statusCode };
  }
  for (const item of chain) {
    const name = field<string>(item, 'name', 'string');
    const kind = name ? kindFromName(name) : undefined;
    if (kind) return { ...base, kind, statusCode };
  }
  if (codes.includes('ERR_MODULE_NOT_FOUND')) return { ...base, kind: 'not_installed', statusCode };
  if (codes.some((code) => NETWORK_CODES.has(code))) return { ...base, kind: 'network', statusCode };
  const textKind = kindFromText(allText);
  if (textKind) return { ...base, kind: textKind, statusCode };
  return { ...base, kind: 'provider', statusCode };
}

function authFix(backend: string): string {
  switch (backend) {
    case 'claude-code':
      return 'Sign in with the Claude Code CLI (run `claude`, then /login), then rerun `ktx status`.';
    case 'codex':
      return 'Sign in with the Codex CLI (`codex login`) or set OPENAI_API_KEY, then rerun `ktx status`.';
    case 'vertex':
      return 'Run `gcloud auth application-default login` and grant roles/aiplatform.user on the project, then rerun `ktx status`.';
    default:
      return `Check the API key llm.provider.${backend}.api_key refers to (env:NAME or file:PATH), or rerun \`ktx setup --llm-backend ${backend}\`.`;
  }
}

function fixFor(facts: LlmErrorFacts, context: LlmErrorContext): string {
  switch (facts.kind) {
    case 'auth':
      return authFix(context.backend);
    case 'model_unavailable':
      return `Set llm.models.default (or the role's entry) in ktx.yaml to a model this ${context.backend} account can use, then rerun \`ktx status\`.`;
    case 'rate_limit':
      return facts.sessionLimit
        ? 'Your subscription session limit is reached; wait for the reset time the provider shows, then rerun.'
        : 'Wait for the limit to reset and rerun, lower the concurrency of the run, or raise the provider quota.';
    case 'network':
      return `Check that ${context.baseUrl ?? `the ${context.backend} endpoint`} is reachable (network, proxy, llm.provider base_url), then retry.`;
    case 'invalid_output':
      return 'Retry; if it keeps failing, set a stronger model for this role under llm.models in ktx.yaml.';
    case 'tool_failure':
      return 'Read the tool error in the message, fix what it names, then rerun; add --debug for the stack.';
    case 'not_installed':
      return `Install the package the ${context.backend} backend needs (see the LLM configuration docs), then rerun \`ktx status\`.`;
    case 'provider':
      return 'Retry; if it persists, rerun with --debug-llm-requests <file> and check the provider status page.';
  }
}

function headline(facts: LlmErrorFacts, context: LlmErrorContext): string {
  const who = `${context.backend} (${context.model})`;
  const detail = facts.message.split('\n')[0]?.slice(0, 300) ?? '';
  switch (facts.kind) {
    case 'auth':
      return `${who} rejected the credentials: ${detail}`;
    case 'model_unavailable':
      return `Model "${context.model}" is not available on ${context.backend}: ${detail}`;
    case 'rate_limit': {
      const tries = context.attempts && context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
      const what = facts.sessionLimit ? 'session limit reached' : 'rate limited';
      return `${who} ${what}${tries}: ${detail}`;
    }
    case 'network':
      return `${who} could not be reached: ${detail}`;
    case 'invalid_output':
      return `${who} returned output that does not match the expected shape: ${detail}`;
    case 'tool_failure':
      return `A tool failed during the ${who} loop: ${detail}`;
    case 'not_installed':
      return `The ${context.backend} backend is not installed: ${detail}`;
    case 'provider':
      return `${who} failed: ${detail}`;
  }
}

/**
 * Maps any backend failure to a KtxError with an `llm_*` code and a fix line. An AbortError is
 * rethrown untouched (an abort is the caller's decision, never a failure); an `llm_*` KtxError is
 * returned as it is.
 */
export function classifyLlmError(error: unknown, context: LlmErrorContext): KtxError {
  if (isAbortError(error)) throw error;
  if (isKtxError(error) && error.code.startsWith('llm_')) return error;
  const facts = inspectLlmError(error);
  return new KtxError(CODE_BY_KIND[facts.kind], headline(facts, context), {
    fix: fixFor(facts, context),
    cause: error,
    data: {
      kind: facts.kind,
      backend: context.backend,
      model: context.model,
      ...(facts.statusCode !== undefined ? { statusCode: facts.statusCode } : {}),
      ...(facts.retryAfterMs !== undefined ? { retryAfterMs: facts.retryAfterMs } : {}),
    },
  });
}

/** The failure kind a KtxError from `classifyLlmError` carries (provider for anything else). */
export function llmFailureKind(error: unknown): LlmFailureKind {
  if (isKtxError(error)) return KIND_BY_CODE.get(error.code) ?? 'provider';
  return inspectLlmError(error).kind;
}
