/** Reciprocal rank fusion constant: ranks deep in a list still count, the top few dominate. */
export const RRF_K = 60;

export interface Lane {
  /** Document ids, best first. */
  ids: readonly number[];
  weight: number;
}

/**
 * Reciprocal rank fusion: each document scores Σ weight / (k + rank) over the lanes that found
 * it. Ranks, not raw scores, are fused, so BM25 and cosine never need a common scale.
 */
export function fuseRanks(lanes: readonly Lane[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const lane of lanes) {
    lane.ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + lane.weight / (RRF_K + index + 1));
    });
  }
  return scores;
}
