import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileQuery, loadSemanticModel, type SemanticQuery } from '../../src/semantic/index.js';
import { skipWithout } from '../support/servers.js';
import { normaliseRows } from './semantic/compare-rows.js';
import { type EngineExecutor, engineExecutor, type FixtureTable } from './semantic/engine-executors.js';

interface EquivalenceCase {
  name: string;
  description: string;
  query: SemanticQuery;
  check: string | Record<string, string>;
  ordered?: boolean;
  /** Engines that must refuse the query with `unsupported_expression` instead of running it. */
  unsupported?: string[];
}

const here = join(import.meta.dirname, 'semantic');
const cases = parse(readFileSync(join(here, 'cases.yaml'), 'utf8')) as EquivalenceCase[];
const fixture = (
  parse(readFileSync(join(here, 'fixtures', 'shop.yaml'), 'utf8')) as { tables: Record<string, FixtureTable> }
).tables;
const modelDir = join(here, 'models', 'shop');
const modelFiles = readdirSync(modelDir).map((file) => ({
  path: `semantic-layer/shop/${file}`,
  text: readFileSync(join(modelDir, file), 'utf8'),
}));

const ENGINES = ['sqlite', 'duckdb', 'postgres', 'mysql'] as const;

for (const engine of ENGINES) {
  const server = engine === 'postgres' || engine === 'mysql' ? engine : undefined;
  describe.skipIf(server !== undefined && skipWithout(server))(
    `semantic compiler on ${engine}: results equal hand-written SQL`,
    () => {
      let executor: EngineExecutor;
      beforeAll(async () => {
        executor = (await engineExecutor(engine, fixture))!;
      });
      afterAll(async () => {
        await executor?.close();
      });

      it('loads the shop model without errors', () => {
        const { diagnostics } = loadSemanticModel(modelFiles, { dialect: engine });
        expect(
          diagnostics.filter((diagnostic: { severity: string }) => diagnostic.severity === 'error'),
        ).toEqual([]);
      });

      it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
        const { model } = loadSemanticModel(modelFiles, { dialect: engine });
        if (entry.unsupported?.includes(engine)) {
          expect(() => compileQuery(model, entry.query)).toThrow(
            expect.objectContaining({ code: 'unsupported_expression' }),
          );
          return;
        }
        const compiled = compileQuery(model, entry.query);
        const check =
          typeof entry.check === 'string' ? entry.check : (entry.check[engine] ?? entry.check.default!);
        const [actual, expected] = await Promise.all([executor.run(compiled.sql), executor.run(check)]);
        expect(
          normaliseRows(actual, Boolean(entry.ordered)),
          `${entry.description}\n--- compiled SQL ---\n${compiled.sql}`,
        ).toEqual(normaliseRows(expected, Boolean(entry.ordered)));
      });
    },
  );
}
