const WINDOW_WORDS = 18;

/**
 * A short excerpt of `text` around the densest run of query terms. A word counts as a match when it
 * starts with a term's first five letters (a cheap stand-in for the index's Porter stemming, so
 * "retained" matches "retention").
 */
export function makeSnippet(text: string, terms: readonly string[]): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return '';
  const stems = terms.map((term) => term.slice(0, 5)).filter((stem) => stem.length >= 2);
  const hit = words.map((word) => {
    const lower = word.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
    return stems.some((stem) => lower.startsWith(stem)) ? 1 : 0;
  });
  let best = 0;
  let bestScore = -1;
  let score = 0;
  for (let index = 0; index < words.length; index++) {
    score += hit[index] as number;
    if (index >= WINDOW_WORDS) score -= hit[index - WINDOW_WORDS] as number;
    const start = Math.max(0, index - WINDOW_WORDS + 1);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  // Start a little before the first match so it reads as a sentence, not a fragment.
  const firstHit = hit.indexOf(1, best);
  const start = bestScore > 0 && firstHit >= 0 ? Math.max(0, Math.min(best, firstHit - 3)) : 0;
  const end = Math.min(words.length, start + WINDOW_WORDS);
  return `${start > 0 ? '…' : ''}${words.slice(start, end).join(' ')}${end < words.length ? '…' : ''}`;
}
