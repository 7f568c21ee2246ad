import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/connectors/index.js';
import { isKtxError } from '../../src/core/index.js';
import { DIALECT_NAMES, type DialectName } from '../../src/sql/index.js';
import { skipWithout } from '../support/servers.js';
import { CORPUS_TIMEOUT_MS } from './corpus-case.js';
import { type EngineFixture, engineFixture } from './engine-fixtures.js';
import { HOSTILE_CORPUS } from './hostile-corpus.js';

// The second layer on its own: every hostile statement the corpus says the engine itself refuses is
// sent past the gate, straight into the connector's read-only session. The engine must refuse each,
// and afterwards the database must be exactly as it was.
// Warehouses have no engine here, so the corpus marks no engine refusals for them.
const ENGINE = {
  sqlite: 'in-process',
  duckdb: 'in-process',
  postgres: 'postgres',
  mysql: 'mysql',
  snowflake: null,
  bigquery: null,
  clickhouse: null,
  tsql: null,
} as const satisfies Record<DialectName, 'in-process' | 'postgres' | 'mysql' | null>;

for (const dialect of DIALECT_NAMES.filter((name) => ENGINE[name] !== null)) {
  const cases = HOSTILE_CORPUS.filter(
    (entry) => entry.dialects.includes(dialect) && entry.engineRefuses?.[dialect] === true,
  );
  const engine = ENGINE[dialect];
  const server = engine === 'postgres' || engine === 'mysql' ? engine : undefined;

  describe.skipIf(server !== undefined && skipWithout(server))(
    `${dialect} read-only session without the gate`,
    () => {
      let fixture: EngineFixture;
      let connector: Connector;
      let before = '';

      beforeAll(async () => {
        fixture = (await engineFixture(dialect))!;
        before = await fixture.fingerprint();
        connector = await fixture.openUngated();
      });
      afterAll(async () => {
        await connector?.close();
        await fixture?.drop();
      });

      it('has statements to replay', () => {
        expect(cases.length).toBeGreaterThanOrEqual(10);
      });

      it.each(cases.map((entry) => [entry.id, entry.sql] as const))('refuses %s', async (_id, sql) => {
        let thrown: unknown;
        try {
          await connector.query(sql, { maxRows: 10, timeoutMs: CORPUS_TIMEOUT_MS });
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${dialect} ran it: ${sql}`).toBeDefined();
        expect(
          isKtxError(thrown) && ['query_failed', 'read_only_violation'].includes(thrown.code),
          String(thrown),
        ).toBe(true);
      });

      it('leaves every object and row exactly as it was', async () => {
        expect(await fixture.fingerprint()).toBe(before);
      });
    },
  );
}
