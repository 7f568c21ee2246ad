import type { IncomingRequest, ScriptedApi } from './types.js';

/** Maps a path (with or without `/v1`, query removed) to the API it speaks. */
export function apiForPath(method: string, path: string): ScriptedApi {
  const bare = path.replace(/^\/v1(?=\/)/, '').replace(/\/+$/, '');
  if (method !== 'POST') return 'other';
  if (bare === '/messages' || bare === '/messages/count_tokens') return 'anthropic';
  if (bare === '/responses') return 'responses';
  if (bare === '/chat/completions') return 'chat';
  if (bare === '/embeddings') return 'embeddings';
  // The gateway's base URL carries its own prefix (`…/v3/ai` by default), so only the last segment counts.
  if (bare.endsWith('/language-model')) return 'gateway';
  return 'other';
}

/**
 * The built-in rules deciding that a request is a client's side call, not a main model turn: it is
 * answered automatically and consumes no turn. Returns the reason, or undefined for "scripted".
 */
export function defaultAuxiliaryReason(request: IncomingRequest): string | undefined {
  if (request.api === 'other') return `not a model call (${request.method} ${request.path})`;
  if (request.api === 'embeddings') return 'embeddings are computed, not scripted';
  if (request.path.endsWith('/count_tokens')) return 'token count';
  if (request.api === 'anthropic') {
    const body = (request.body ?? {}) as { max_tokens?: unknown };
    // Claude Code checks its quota and the model with a one-token call before real work.
    if (body.max_tokens === 1) return 'one-token probe (quota / model check)';
  }
  return undefined;
}
