import type { CellValue, LogicalType } from '../../connectors/port.js';
import type { ColumnProfile, ValueCount } from './table-profile.js';

const TOP_VALUES = 5;
/** Distinct values kept per join-capable column; unique columns keep more (they are join targets). */
const KEPT_VALUES = 50;
const KEPT_KEY_VALUES = 2000;
const JOINABLE: ReadonlySet<LogicalType> = new Set(['integer', 'text', 'uuid', 'decimal']);

function compare(left: CellValue, right: CellValue, numeric: boolean): number {
  if (numeric) return Number(left) - Number(right);
  return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

/** Column statistics over sampled cells (one pass, plus a sort of the distinct values by count). */
export function columnStats(name: string, type: LogicalType, cells: readonly CellValue[]): ColumnProfile {
  const counts = new Map<string, { value: CellValue; count: number }>();
  const numeric = type === 'integer' || type === 'decimal' || type === 'float';
  let nulls = 0;
  let min: CellValue = null;
  let max: CellValue = null;
  let minLength: number | null = null;
  let maxLength: number | null = null;
  for (const cell of cells) {
    if (cell === null) {
      nulls += 1;
      continue;
    }
    const text = String(cell);
    const entry = counts.get(text);
    if (entry) entry.count += 1;
    else counts.set(text, { value: cell, count: 1 });
    if (min === null || compare(cell, min, numeric) < 0) min = cell;
    if (max === null || compare(cell, max, numeric) > 0) max = cell;
    const length = [...text].length;
    if (minLength === null || length < minLength) minLength = length;
    if (maxLength === null || length > maxLength) maxLength = length;
  }
  const nonNull = cells.length - nulls;
  const ranked = [...counts.values()].sort(
    (left, right) => right.count - left.count || compare(left.value, right.value, numeric),
  );
  const top: ValueCount[] = ranked.slice(0, TOP_VALUES).map(({ value, count }) => ({ value, count }));
  const uniqueness = nonNull === 0 ? 0 : counts.size / nonNull;
  const keep = uniqueness >= 0.98 ? KEPT_KEY_VALUES : KEPT_VALUES;
  return {
    name,
    type,
    sampled: cells.length,
    nulls,
    nullRate: cells.length === 0 ? 0 : nulls / cells.length,
    distinct: counts.size,
    uniqueness,
    min,
    max,
    minLength,
    maxLength,
    top,
    ...(JOINABLE.has(type) ? { values: ranked.slice(0, keep).map((entry) => String(entry.value)) } : {}),
  };
}

/**
 * Column sets of width 2–3 among `candidates` whose tuples never repeat in the sample, smallest
 * first; supersets of a unique set are skipped (they are unique trivially).
 */
export function uniqueTuples(
  columns: readonly string[],
  rows: readonly CellValue[][],
  candidates: readonly string[],
): string[][] {
  if (rows.length < 2) return [];
  const index = new Map(columns.map((column, position) => [column, position]));
  const found: string[][] = [];
  const usable = candidates.slice(0, 8);
  const sets: string[][] = [];
  for (let a = 0; a < usable.length; a++)
    for (let b = a + 1; b < usable.length; b++) {
      sets.push([usable[a]!, usable[b]!]);
    }
  for (let a = 0; a < usable.length; a++)
    for (let b = a + 1; b < usable.length; b++)
      for (let c = b + 1; c < usable.length; c++) sets.push([usable[a]!, usable[b]!, usable[c]!]);
  for (const set of sets) {
    if (found.some((unique) => unique.every((column) => set.includes(column)))) continue;
    const positions = set.map((column) => index.get(column)!);
    const seen = new Set<string>();
    let unique = true;
    for (const row of rows) {
      if (positions.some((position) => row[position] === null)) {
        unique = false;
        break;
      }
      const key = JSON.stringify(positions.map((position) => row[position]));
      if (seen.has(key)) {
        unique = false;
        break;
      }
      seen.add(key);
    }
    if (unique) found.push(set);
  }
  return found;
}
