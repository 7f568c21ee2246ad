/** Origins in the order a single description is chosen from them (spec §1.8). */
export const DESCRIPTION_PRIORITY = ['user', 'ai', 'dbt', 'db'] as const;

export type Descriptions = Readonly<Record<string, string | null | undefined>>;

/**
 * The one description shown for a source, column, measure or segment: an explicit singular
 * `description` wins, then `descriptions` by origin priority user > ai > dbt > db, then the first
 * other non-empty origin (origins added later, e.g. `ktx`).
 */
export function resolveDescription(
  descriptions: Descriptions | undefined,
  explicit?: string | null,
): string | undefined {
  if (explicit?.trim()) return explicit.trim();
  if (!descriptions) return undefined;
  for (const origin of DESCRIPTION_PRIORITY) {
    const text = descriptions[origin]?.trim();
    if (text) return text;
  }
  for (const text of Object.values(descriptions)) if (text?.trim()) return text.trim();
  return undefined;
}

/** Per-origin merge where the later map wins an origin only with a non-empty text. */
export function mergeDescriptions(
  base: Descriptions | undefined,
  patch: Descriptions | undefined,
): Descriptions {
  const merged: Record<string, string> = {};
  for (const map of [base, patch]) {
    for (const [origin, text] of Object.entries(map ?? {})) if (text?.trim()) merged[origin] = text;
  }
  return merged;
}
