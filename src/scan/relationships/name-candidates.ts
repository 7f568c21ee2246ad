import type { Candidate } from './candidate.js';
import { stemMatchesTable } from './name-tokens.js';
import { type ColumnInfo, keyNameScore, type TableInfo, uniqueInSample } from './table-index.js';

/** Words that make a reference point back at its own table (`manager_id` in `employees`). */
const SELF_WORDS = new Set([
  'parent',
  'manager',
  'supervisor',
  'boss',
  'reports',
  'head',
  'mentor',
  'referrer',
  'predecessor',
  'successor',
  'superior',
]);
const PER_COLUMN = 3;

/** The column of `target` a reference from `source` most likely points at, with a bonus for identical names. */
function targetColumn(
  source: ColumnInfo,
  target: TableInfo,
): { column: ColumnInfo; bonus: number } | undefined {
  const declared = target.source.primaryKey;
  const same = target.columns.find(
    (column) =>
      column.tokens.join('_') === source.tokens.join('_') &&
      column.family === source.family &&
      ((declared.length === 1 && declared[0] === column.name) || uniqueInSample(column)),
  );
  if (same) return { column: same, bonus: 0.05 };
  // The reference's marker names the target column itself: `product_sku` → `products.sku`.
  const marker = source.reference?.marker;
  const named = target.columns.find(
    (column) =>
      marker !== undefined &&
      marker !== 'id' &&
      column.tokens.length === 1 &&
      column.tokens[0] === marker &&
      column.family === source.family &&
      uniqueInSample(column),
  );
  if (named) return { column: named, bonus: 0.05 };
  if (declared.length === 1) {
    const column = target.byName.get(declared[0]!);
    return column && column.family === source.family ? { column, bonus: 0 } : undefined;
  }
  if (declared.length > 1) return undefined;
  let best: { column: ColumnInfo; score: number } | undefined;
  for (const column of target.columns) {
    if (column.family !== source.family || !uniqueInSample(column)) continue;
    const score = keyNameScore(column);
    if (score >= 0.6 && (!best || score > best.score)) best = { column, score };
  }
  return best ? { column: best.column, bonus: 0 } : undefined;
}

/**
 * Candidates from names. For every column that names what it references (`cust_id`, `id_client`,
 * `o_custkey`, `CustomerID`, `parent_id`), the tables its stem matches — exactly, through
 * singular/plural, a role prefix (`billing_customer_id`), abbreviation (`cust`, `cstmr`, `po`) — and,
 * separately, key columns elsewhere with the very same name (`iso_code`, `artikel_nr`). Tables are
 * looked up through indexes by first letter and by full stem, so a column is compared with a handful
 * of tables, not all of them; each column keeps its best three targets.
 */
export function nameCandidates(tables: readonly TableInfo[]): Candidate[] {
  const byLetter = new Map<string, TableInfo[]>();
  const byStem = new Map<string, TableInfo[]>();
  const byKeyName = new Map<string, ColumnInfo[]>();
  for (const table of tables) {
    const letter = table.stem[0]?.[0] ?? '';
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), table]);
    const joined = table.stem.join('');
    byStem.set(joined, [...(byStem.get(joined) ?? []), table]);
    for (const column of table.columns) {
      if (!column.reference || column.family === undefined) continue;
      const declared = table.source.primaryKey.length === 1 && table.source.primaryKey[0] === column.name;
      if (!declared && !uniqueInSample(column)) continue;
      const name = column.tokens.join('_');
      byKeyName.set(name, [...(byKeyName.get(name) ?? []), column]);
    }
  }
  const candidates: Candidate[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      if (column.family === undefined) continue;
      if (column.tokens.length === 1 && column.tokens[0] === 'id') continue;
      const ownKey = keyNameScore(column) >= 0.9 && uniqueInSample(column);
      const found = new Map<TableInfo, { score: number; column: ColumnInfo; reasons: string[] }>();
      const offer = (target: TableInfo, score: number, reason: string, to?: ColumnInfo) => {
        const chosen = to ? { column: to, bonus: 0.05 } : targetColumn(column, target);
        if (!chosen || chosen.column === column) return;
        const total = Math.min(1, score + chosen.bonus);
        const existing = found.get(target);
        if (!existing || existing.score < total)
          found.set(target, { score: total, column: chosen.column, reasons: [reason] });
      };
      const reference = column.reference;
      if (reference && !ownKey) {
        const stem = reference.stem;
        const pool = new Set(byLetter.get(stem[0]?.[0] ?? '') ?? []);
        for (let cut = 1; cut < stem.length; cut++)
          for (const target of byStem.get(stem.slice(cut).join('')) ?? []) pool.add(target);
        for (const target of pool) {
          if (target === table) continue;
          const score = stemMatchesTable(stem, target.stem);
          if (score > 0)
            offer(target, score, `name: ${column.name} → ${target.source.name} (${score.toFixed(2)})`);
        }
        const selfWord = stem.some((token) => SELF_WORDS.has(token));
        const selfMatch = stem.length > table.stem.length && stemMatchesTable(stem, table.stem) >= 0.85;
        if (selfWord || selfMatch) offer(table, 0.85, `name: self reference ${column.name}`);
      }
      if (reference && !ownKey) {
        for (const key of byKeyName.get(column.tokens.join('_')) ?? []) {
          if (key.table === table || key.family !== column.family) continue;
          offer(key.table, 0.9, `name: same key name as ${key.table.source.name}.${key.name}`, key);
        }
      } else {
        // `ReportsTo`, `parent`: self references that carry no key marker.
        if (column.tokens.some((token) => SELF_WORDS.has(token)))
          offer(table, 0.8, `name: self reference ${column.name}`);
        for (const target of byStem.get(column.tokens.join('')) ?? [])
          if (target !== table) offer(target, 0.7, `name: ${column.name} names table ${target.source.name}`);
      }
      const ranked = [...found.entries()]
        .sort((left, right) => right[1].score - left[1].score)
        .slice(0, PER_COLUMN);
      for (const [, match] of ranked) {
        candidates.push({
          from: [column],
          to: [match.column],
          origin: 'name',
          nameScore: match.score,
          reasons: match.reasons,
        });
      }
    }
  }
  return candidates;
}
