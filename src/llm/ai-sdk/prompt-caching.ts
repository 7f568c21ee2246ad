import type { ModelMessage, SystemModelMessage } from 'ai';
import type { ResolvedLlmConfig } from '../port.js';

type Ttl = '5m' | '1h';

export interface CacheTtls {
  system: Ttl;
  tools: Ttl;
  history: Ttl;
}

/** Whether ktx places Anthropic cache breakpoints for this backend and model, and with which TTLs. */
export function cacheTtlsFor(config: ResolvedLlmConfig, modelId: string): CacheTtls | undefined {
  const caching = config.promptCaching;
  if (!caching.enabled) return undefined;
  const anthropicModel =
    config.backend === 'anthropic' ||
    config.backend === 'vertex' ||
    (config.backend === 'gateway' && (modelId.startsWith('anthropic/') || modelId.includes('claude')));
  if (!anthropicModel) return undefined;
  const ttls: CacheTtls = { system: caching.systemTtl, tools: caching.toolsTtl, history: caching.historyTtl };
  if (config.backend === 'vertex' && caching.vertexFallbackTo5m)
    return { system: '5m', tools: '5m', history: '5m' };
  return ttls;
}

export function cacheMarker(ttl: Ttl) {
  return { anthropic: { cacheControl: { type: 'ephemeral' as const, ttl } } };
}

/**
 * System and first user message for a call. The system prompt is a separate top-level message (v6
 * warns on system text inside messages, reference R4); with caching on, both carry a breakpoint:
 * static instructions belong in `system` so per-document calls share that cache (R2), and the user
 * message is marked even when it is the only one, because agent loops resend it every step (R3).
 */
export function buildPrompt(
  system: string | undefined,
  prompt: string,
  ttls: CacheTtls | undefined,
): { system?: SystemModelMessage; messages: ModelMessage[] } {
  const systemMessage: SystemModelMessage | undefined =
    system === undefined || system.length === 0
      ? undefined
      : { role: 'system', content: system, ...(ttls ? { providerOptions: cacheMarker(ttls.system) } : {}) };
  const user: ModelMessage = ttls
    ? { role: 'user', content: [{ type: 'text', text: prompt, providerOptions: cacheMarker(ttls.history) }] }
    : { role: 'user', content: prompt };
  return { ...(systemMessage ? { system: systemMessage } : {}), messages: [user] };
}

/**
 * Moves a rolling history breakpoint onto the newest message before each loop step, so step N reads
 * steps 1..N-1 from the cache (Anthropic allows four breakpoints: tools, system, prompt, this one).
 */
export function markLatestMessage(messages: ModelMessage[], ttls: CacheTtls | undefined): ModelMessage[] {
  if (!ttls || messages.length < 2) return messages;
  const last = messages.at(-1) as ModelMessage;
  const marked = {
    ...last,
    providerOptions: { ...(last.providerOptions ?? {}), ...cacheMarker(ttls.history) },
  };
  return [...messages.slice(0, -1), marked as ModelMessage];
}
