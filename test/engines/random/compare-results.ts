import { normaliseCell } from '../semantic/compare-rows.js';

type Cell = ReturnType<typeof normaliseCell>;

/**
 * Tolerance for measure values: engines differ in float summation order, and MySQL/MariaDB keep
 * only 4 decimals of an AVG over integers.
 */
function close(left: Cell, right: Cell): boolean {
  if (typeof left === 'number' && typeof right === 'number')
    return Math.abs(left - right) <= 1e-4 + 1e-6 * Math.max(Math.abs(left), Math.abs(right));
  return left === right;
}

/** Normalised rows sorted by their dimension values (exact), so measures can be compared closely. */
export function sortedRows(rows: readonly (readonly unknown[])[], dimensions: number): Cell[][] {
  const keyed = rows.map((row) => row.map(normaliseCell));
  const key = (row: Cell[]): string => JSON.stringify(row.slice(0, dimensions));
  return keyed.sort((left, right) => {
    const order = key(left).localeCompare(key(right));
    return order !== 0 ? order : JSON.stringify(left).localeCompare(JSON.stringify(right));
  });
}

/** The first difference between the two row sets, or undefined when they agree. */
export function rowDifference(
  expected: readonly (readonly unknown[])[],
  actual: readonly (readonly unknown[])[],
  dimensions: number,
): string | undefined {
  const want = sortedRows(expected, dimensions);
  const got = sortedRows(actual, dimensions);
  if (want.length !== got.length) return `expected ${want.length} rows, got ${got.length}`;
  for (let index = 0; index < want.length; index++) {
    const left = want[index]!;
    const right = got[index]!;
    if (left.length !== right.length || !left.every((cell, column) => close(cell, right[column]!)))
      return `row ${index}: expected ${JSON.stringify(left)}, got ${JSON.stringify(right)}`;
  }
  return undefined;
}
