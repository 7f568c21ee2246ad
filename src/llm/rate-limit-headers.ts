/**
 * Reads rate-limit facts from provider response headers: how long to wait after a 429 and how much
 * of the limit a successful call left. Header names are lower-cased by the AI SDK; we lower-case
 * again so a hand-built record behaves the same.
 *
 * @see https://docs.anthropic.com/en/api/rate-limits#response-headers
 * @see https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers
 */

export type HeaderRecord = Record<string, string | undefined>;

function lowerCased(headers: HeaderRecord): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(headers))
    if (value !== undefined) map.set(key.toLowerCase(), value);
  return map;
}

/**
 * Milliseconds to wait before retrying, from `retry-after-ms`, `retry-after` (seconds or an HTTP
 * date) or, failing those, the earliest Anthropic `*-reset` timestamp still in the future.
 */
export function retryAfterMsFromHeaders(
  headers: HeaderRecord | undefined,
  nowMs: number,
): number | undefined {
  if (!headers) return undefined;
  const map = lowerCased(headers);
  const ms = Number(map.get('retry-after-ms'));
  if (map.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const after = map.get('retry-after');
  if (after !== undefined) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - nowMs);
  }
  let earliest: number | undefined;
  for (const [key, value] of map) {
    if (!/^anthropic-ratelimit-[a-z-]+-reset$/.test(key)) continue;
    const at = Date.parse(value);
    if (Number.isFinite(at) && at > nowMs && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest === undefined ? undefined : earliest - nowMs;
}

// limit/remaining header pairs; Anthropic names the kind in the middle, OpenAI-style servers at the end.
const LIMIT_PAIRS: Array<[limit: string, remaining: string]> = [
  ...['requests', 'tokens', 'input-tokens', 'output-tokens'].map((kind): [string, string] => [
    `anthropic-ratelimit-${kind}-limit`,
    `anthropic-ratelimit-${kind}-remaining`,
  ]),
  ...['requests', 'tokens'].map((kind): [string, string] => [
    `x-ratelimit-limit-${kind}`,
    `x-ratelimit-remaining-${kind}`,
  ]),
];

/** Share of the tightest limit already used (0..1), or undefined when no pair of headers is present. */
export function utilizationFromHeaders(headers: HeaderRecord | undefined): number | undefined {
  if (!headers) return undefined;
  const map = lowerCased(headers);
  let highest: number | undefined;
  for (const [limitKey, remainingKey] of LIMIT_PAIRS) {
    const limit = Number(map.get(limitKey));
    const remaining = Number(map.get(remainingKey));
    if (
      !map.has(limitKey) ||
      !map.has(remainingKey) ||
      !Number.isFinite(limit) ||
      !Number.isFinite(remaining)
    )
      continue;
    if (limit <= 0) continue;
    const used = 1 - Math.min(limit, Math.max(0, remaining)) / limit;
    if (highest === undefined || used > highest) highest = used;
  }
  return highest === undefined ? undefined : Math.round(highest * 10_000) / 10_000;
}
