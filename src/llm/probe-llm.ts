import { isKtxError, KtxError } from '../core/index.js';
import { isAbortError, linkAbortSignal } from './abort.js';
import { classifyLlmError } from './classify-llm-error.js';
import type { LlmModelRole, LlmRuntime } from './port.js';

export interface LlmProbeResult {
  ok: boolean;
  ms: number;
  text?: string;
  /** Classified: auth, model unavailable, rate/session limit, network, not installed… with its fix. */
  error?: KtxError;
}

export const PROBE_PROMPT = 'Reply with exactly: ok';
export const PROBE_TIMEOUT_MS = 30_000;

/**
 * The live check `ktx status` and `ktx llm test` run: one tiny generateText on the default role.
 * Never throws for a backend failure (the result says which kind it was); rethrows only the
 * caller's own abort. A probe that outlives the timeout is reported as a network failure.
 */
export interface LlmProbeOptions {
  signal?: AbortSignal;
  /** Default 30 s. */
  timeoutMs?: number;
  /** Role to probe; default `default`. */
  role?: LlmModelRole;
}

export async function probeLlm(
  runtime: LlmRuntime,
  signalOrOptions?: AbortSignal | LlmProbeOptions,
): Promise<LlmProbeResult> {
  const options: LlmProbeOptions =
    signalOrOptions === undefined
      ? {}
      : signalOrOptions instanceof AbortSignal
        ? { signal: signalOrOptions }
        : signalOrOptions;
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const role = options.role ?? 'default';
  const linked = linkAbortSignal(signal);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    linked.controller.abort();
  }, timeoutMs);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const text = await runtime.generateText({
      role: 'default',
      prompt: PROBE_PROMPT,
      signal: linked.controller.signal,
    });
    return { ok: true, ms: elapsed(), text };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timedOut) {
      return {
        ok: false,
        ms: elapsed(),
        error: new KtxError(
          'llm_network',
          `${runtime.backend} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          {
            fix: 'Check the network or proxy and that the provider (or local server) is up, then rerun `ktx status`.',
            data: { kind: 'network', backend: runtime.backend },
          },
        ),
      };
    }
    if (isAbortError(error)) throw error;
    const classified = isKtxError(error)
      ? error
      : classifyLlmError(error, { backend: runtime.backend, model: runtime.modelFor(role) });
    return { ok: false, ms: elapsed(), error: classified };
  } finally {
    clearTimeout(timer);
    linked.dispose();
  }
}
