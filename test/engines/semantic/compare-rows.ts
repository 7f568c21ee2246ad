/**
 * Normalises a result cell so the same value compares equal across engines and drivers: numbers and
 * numeric strings become numbers rounded to 4 places (engines differ in decimal-division precision:
 * MySQL keeps 4 extra digits by default); midnight timestamps and dates become
 * `YYYY-MM-DD`; everything else its string form; NULL stays null.
 */
function roundNumber(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

export function normaliseCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return roundNumber(value);
  if (value instanceof Date) return normaliseCell(value.toISOString());
  const text = String(value);
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return roundNumber(Number(text));
  const date = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00:00(?:\.0+)?)?(?:Z|[+-]00(?::?00)?)?$/.exec(text);
  if (date) return date[1]!;
  return text;
}

export function normaliseRows(rows: readonly (readonly unknown[])[], ordered: boolean): string[] {
  const keyed = rows.map((row) => JSON.stringify(row.map(normaliseCell)));
  return ordered ? keyed : keyed.sort();
}
