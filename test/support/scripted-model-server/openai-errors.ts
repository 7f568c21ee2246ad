import type { ServerResponse } from 'node:http';
import { sendJson } from './http-helpers.js';
import type { ScriptedErrorTurn } from './types.js';

/** OpenAI's error shape, shared by Responses, Chat Completions and Embeddings. */
const ERRORS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided: test. You can find your API key at https://platform.openai.com.',
  },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Forbidden.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist.' },
  413: { type: 'invalid_request_error', code: 'request_too_large', message: 'Request too large.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests.' },
  500: { type: 'server_error', code: null, message: 'The server had an error processing your request.' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded.' },
  529: { type: 'server_error', code: null, message: 'Overloaded.' },
};

export function sendOpenAiError(
  res: ServerResponse,
  turn: ScriptedErrorTurn,
  model: string | undefined,
  requestId: string,
): void {
  const known = ERRORS[turn.status] ?? { type: 'server_error', code: null, message: 'error' };
  const message =
    turn.message ??
    (turn.status === 404
      ? `The model \`${model}\` does not exist or you do not have access to it.`
      : known.message);
  const headers: Record<string, string> = { 'x-request-id': requestId };
  const retryAfter = turn.retryAfterSeconds ?? (turn.status === 429 ? 0 : undefined);
  if (retryAfter !== undefined) {
    headers['retry-after'] = String(retryAfter);
    if (turn.status === 429) {
      headers['x-ratelimit-limit-requests'] = '500';
      headers['x-ratelimit-remaining-requests'] = '0';
      headers['x-ratelimit-reset-requests'] = `${retryAfter}s`;
    }
  }
  sendJson(
    res,
    turn.status,
    { error: { message, type: turn.type ?? known.type, param: null, code: turn.code ?? known.code } },
    { ...headers, ...turn.headers },
  );
}
