import { editDistance } from '../../core/index.js';

/**
 * Names `name` is probably a misspelling of: within a quarter of its length in edits (at least one),
 * ignoring case. Stricter than `closestNames`, whose substring matches (`n` in `cancelled_at`) are
 * right for suggestions but would turn every undeclared physical column into a false alarm.
 */
export function likelyTypos(name: string, candidates: Iterable<string>): string[] {
  const lowered = name.toLowerCase();
  const limit = Math.max(1, Math.floor(lowered.length / 4));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(lowered, candidate.toLowerCase()) }))
    .filter((entry) => entry.distance > 0 && entry.distance <= limit)
    .sort((left, right) => left.distance - right.distance || (left.candidate < right.candidate ? -1 : 1))
    .slice(0, 3)
    .map((entry) => entry.candidate);
}
