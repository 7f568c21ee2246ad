import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIALECT_NAMES } from '../../../src/sql/index.js';
import { PRINT_CASES } from './print-cases.js';
import { goldenPath, renderGolden } from './print-golden-file.js';

// Golden SQL per case × dialect. Regenerate with KTX_UPDATE_GOLDEN=1; never edit the files by hand.
// test/engines/print-golden.test.ts runs the same SQL on real engines and checks the rows.

const update = process.env.KTX_UPDATE_GOLDEN === '1';

describe.each(PRINT_CASES.map((printCase) => [printCase.name, printCase] as const))('%s', (_, printCase) => {
  test.each(DIALECT_NAMES)('%s', (dialect) => {
    const path = goldenPath(printCase, dialect);
    const actual = renderGolden(printCase, dialect);
    if (update) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
      return;
    }
    expect(existsSync(path), `${path} is missing: run with KTX_UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });
});

test('every golden file belongs to a case and a dialect', () => {
  const root = dirname(goldenPath(PRINT_CASES[0]!, 'sqlite'));
  const expected = new Set(
    PRINT_CASES.flatMap((printCase) => DIALECT_NAMES.map((dialect) => goldenPath(printCase, dialect))),
  );
  const found = readdirSync(join(root, '..'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(root, '..', entry.name)).map((file) => join(root, '..', entry.name, file)),
    );
  expect(found.filter((path) => !expected.has(path))).toEqual([]);
});
