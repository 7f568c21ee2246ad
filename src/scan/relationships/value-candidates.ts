import type { Candidate } from './candidate.js';
import { type ColumnInfo, keyNameScore, type TableInfo, uniqueInSample } from './table-index.js';

/** Names of quantities, not references: never proposed from value overlap alone. */
const MEASURE_WORDS = new Set([
  'amount',
  'qty',
  'quantity',
  'count',
  'price',
  'total',
  'sum',
  'cost',
  'score',
  'rating',
  'age',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'size',
  'weight',
  'height',
  'width',
  'length',
  'rank',
  'level',
  'version',
  'duration',
  'balance',
  'discount',
  'tax',
  'percent',
  'pct',
  'rate',
  'units',
  'stock',
  'number',
  'num',
  'seq',
  'position',
  'line',
  'status',
  'type',
  'kind',
  'flag',
  'priority',
  'zip',
  'postal',
  'phone',
]);
const MAX_TARGETS = 3;

/** Text values shaped like identifiers (short, no spaces, no `@` or `/`): VINs, `DEPOT-NORTH`, `M-1X2`. */
function codeLike(column: ColumnInfo): boolean {
  const profile = column.profile;
  if (column.family !== 'text' || !profile?.values || profile.values.length === 0) return false;
  return (
    (profile.maxLength ?? 99) <= 40 &&
    profile.values.every((value) => /^[A-Za-z0-9][A-Za-z0-9_.:#-]*$/.test(value))
  );
}

/**
 * Integer keys numbered 1..n: any small integers fit them, so containment proves little. Such targets
 * get value candidates for review only.
 */
function denseIntegers(column: ColumnInfo): boolean {
  const profile = column.profile;
  if (column.family !== 'number' || !profile || profile.min === null || profile.max === null) return false;
  const span = Number(profile.max) - Number(profile.min) + 1;
  return span <= 1.5 * Math.max(profile.distinct, 1);
}

export interface ValueCandidates {
  candidates: Candidate[];
  /** Source columns whose sampled values fit more than three targets: too ambiguous to validate. */
  ambiguous: { column: ColumnInfo; targets: ColumnInfo[] }[];
}

/**
 * Candidates for columns with no naming signal: key columns elsewhere (unique in their sample, key
 * name or declared key) whose sampled values hold the source's sampled values. An inverted index from
 * value to key columns keeps this linear in the number of sampled values. A target sampled only in
 * part needs a share of hits in proportion to the part it was sampled.
 */
export function valueCandidates(
  tables: readonly TableInfo[],
  named: ReadonlySet<ColumnInfo>,
): ValueCandidates {
  const index = new Map<string, ColumnInfo[]>();
  for (const table of tables) {
    for (const column of table.columns) {
      const declared = table.source.primaryKey.length === 1 && table.source.primaryKey[0] === column.name;
      if (!column.profile?.values || column.family === undefined) continue;
      if (!declared && !(uniqueInSample(column) && (keyNameScore(column) >= 0.6 || codeLike(column))))
        continue;
      for (const value of column.profile.values)
        index.set(`${column.family}:${value}`, [...(index.get(`${column.family}:${value}`) ?? []), column]);
    }
  }
  const candidates: Candidate[] = [];
  const ambiguous: ValueCandidates['ambiguous'] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      const profile = column.profile;
      if (named.has(column) || !profile?.values || column.family === undefined || column.type === 'decimal')
        continue;
      if (profile.distinct < 2 || column.tokens.some((token) => MEASURE_WORDS.has(token))) continue;
      // A table's own key is not a reference (`orders.OrderID` is not a foreign key into anything).
      if (uniqueInSample(column) && (keyNameScore(column) >= 0.6 || column === column.table.columns[0]))
        continue;
      if (keyNameScore(column) >= 0.95 || (column.tokens.length === 1 && column.tokens[0] === 'id')) continue;
      const hits = new Map<ColumnInfo, number>();
      for (const value of profile.values)
        for (const target of index.get(`${column.family}:${value}`) ?? [])
          if (target.table !== table) hits.set(target, (hits.get(target) ?? 0) + 1);
      const fitting = [...hits.entries()].filter(([target, count]) => {
        const targetProfile = target.table.profile;
        const rows = targetProfile?.rowCount ?? targetProfile?.sampled ?? 0;
        const seen = rows > 0 ? Math.min(1, (target.profile?.values?.length ?? 0) / rows) : 1;
        return count / profile.values!.length >= Math.max(0.05, 0.8 * seen);
      });
      if (fitting.length === 0) continue;
      if (fitting.length > MAX_TARGETS) {
        ambiguous.push({ column, targets: fitting.map(([target]) => target) });
        continue;
      }
      for (const [target, count] of fitting) {
        candidates.push({
          from: [column],
          to: [target],
          origin: 'value',
          nameScore: 0,
          ...(denseIntegers(target)
            ? { weak: 'the target is a dense integer range, which small integers fit by chance' }
            : {}),
          reasons: [
            `values: ${count} of ${profile.values.length} sampled values of ${column.name} found in ${target.table.source.name}.${target.name}`,
          ],
        });
      }
    }
  }
  return { candidates, ambiguous };
}
