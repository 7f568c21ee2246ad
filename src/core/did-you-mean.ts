/** Levenshtein distance, small and allocation-light: names compared here are short identifiers. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `input`, best first. A candidate qualifies when it is within roughly a
 * third of the input's length in edits, or when one name contains the other (`cust` → `customers`).
 */
export function closestNames(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const hay = name.toLowerCase();
    const distance = editDistance(needle, hay);
    const threshold = Math.max(2, Math.ceil(needle.length / 3));
    const contains = needle.length >= 3 && (hay.includes(needle) || needle.includes(hay));
    if (distance <= threshold || contains) scored.push({ name, score: contains ? distance - 0.5 : distance });
  }
  scored.sort((left, right) => left.score - right.score || left.name.localeCompare(right.name));
  return scored.slice(0, limit).map((entry) => entry.name);
}

/** " (did you mean `a` or `b`?)" or an empty string, ready to append to a message. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const names = closestNames(input, candidates);
  if (names.length === 0) return '';
  const quoted = names.map((name) => `\`${name}\``);
  const joined = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` (did you mean ${joined}?)`;
}
