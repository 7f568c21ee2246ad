import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPrinting, printQuery } from '../../src/sql/index.js';
import { GOLDEN_SCHEMA, PRINT_CASES } from '../golden/print/print-cases.js';
import { FIXTURE_TABLES } from '../golden/print/print-fixtures-data.js';
import {
  goldenBody,
  goldenPath,
  NOT_SUPPORTED_MARK,
  printGoldenCase,
} from '../golden/print/print-golden-file.js';
import {
  availableEngines,
  type Cell,
  normaliseTime,
  openPrintEngine,
  type PrintEngine,
} from './print-engines.js';
import { inlineRows } from './print-fixtures.js';

// Every golden file's SQL, run on the real engines available here over the fixture tables, must
// return the rows the case expects (computed by hand from the fixtures).

/** Numbers equal within float noise, everything else exactly. */
function sameCell(actual: Cell, expected: Cell): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}

const sortKey = (row: readonly Cell[]) => JSON.stringify(row);

describe.each(availableEngines())('%s runs the golden SQL', (dialect) => {
  let engine: PrintEngine;
  beforeAll(async () => {
    engine = await openPrintEngine(dialect);
    const printing = getPrinting(dialect);
    for (const table of FIXTURE_TABLES) {
      const path = `${printing.quoteIdentifier(engine.schema)}.${printing.quoteIdentifier(table.name)}`;
      await engine.execute(
        `CREATE TABLE ${path} AS ${printQuery(inlineRows(table.columns, table.rows), dialect)}`,
      );
    }
  });
  afterAll(() => engine?.close());

  test.each(PRINT_CASES.map((printCase) => [printCase.name, printCase] as const))(
    '%s',
    async (_, printCase) => {
      const printing = getPrinting(dialect);
      const golden = goldenBody(readFileSync(goldenPath(printCase, dialect), 'utf8'));
      const sql = printGoldenCase(printCase, dialect, engine.schema);
      // The golden file is exactly what runs here, up to the scratch schema's name.
      expect(sql).toBe(
        golden.replaceAll(printing.quoteIdentifier(GOLDEN_SCHEMA), printing.quoteIdentifier(engine.schema)),
      );
      if (sql.startsWith(NOT_SUPPORTED_MARK)) return;

      const rows = (await engine.query(sql)).map((row) => row.map(normaliseTime));
      const expected = printCase.expected.map((row) => [...row]);
      if (!printCase.ordered) {
        rows.sort((left, right) => sortKey(left).localeCompare(sortKey(right)));
        expected.sort((left, right) => sortKey(left).localeCompare(sortKey(right)));
      }
      const matches =
        rows.length === expected.length &&
        rows.every(
          (row, index) =>
            row.length === expected[index]?.length &&
            row.every((cell, at) => sameCell(cell, expected[index]![at]!)),
        );
      expect(matches ? expected : rows).toEqual(expected);
    },
  );
});
