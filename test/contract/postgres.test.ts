import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresConnector } from '../../src/connectors/postgres/postgres-connector.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { describeConnectorContract } from './connector-contract.js';
import { type FixtureDialect, fixtureStatements } from './connector-fixture.js';
import { expectCode } from './contract-support.js';

const POSTGRES: FixtureDialect = {
  types: {
    id: 'integer',
    varchar: 'varchar(200)',
    money: 'numeric(12,2)',
    int_col: 'integer',
    big_col: 'bigint',
    small_big_col: 'bigint',
    dec_col: 'numeric(38,10)',
    float_col: 'double precision',
    bool_col: 'boolean',
    text_col: 'text',
    date_col: 'date',
    ts_col: 'timestamp',
    tstz_col: 'timestamptz',
    json_col: 'jsonb',
    bin_col: 'bytea',
  },
  literals: { bin_col: "'\\x00ff10'::bytea" },
  comments: 'comment-on',
};

const SECRET = 'ktx-wrong-secret-pw';

/** `base` with some parts replaced (URL setters percent-encode them). */
function withUrl(
  base: string,
  parts: Partial<Pick<URL, 'port' | 'username' | 'password' | 'pathname'>>,
): string {
  return Object.assign(new URL(base), parts).toString();
}

describe.skipIf(skipWithout('postgres'))('postgres', () => {
  const base = serverUrl('postgres') as string;
  const suffix = randomBytes(4).toString('hex');
  const main = `ktx_test_${suffix}`;
  const other = `ktx_test_${suffix}_other`;
  let admin: pg.Client;

  describeConnectorContract({
    engine: 'postgres',
    async setup() {
      admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${main}; CREATE SCHEMA ${other}; SET search_path TO ${main}`);
      for (const statement of fixtureStatements(POSTGRES, other)) await admin.query(statement);
      await admin.query('CREATE SEQUENCE ktx_seq; ANALYZE');
      const config = { driver: 'postgres', id: 'fixture', url: base } as const;
      return {
        config: { ...config, schemas: [main, other] },
        unscopedConfig: config,
        openWithoutGate: () =>
          openPostgresConnector({ ...config, schemas: [main, other] }, { gate: () => {} }),
        mainSchema: main,
        otherSchema: other,
        failures: {
          'wrong port': {
            config: { ...config, url: withUrl(base, { port: '1', password: SECRET }) },
            secret: SECRET,
          },
          // A role that does not exist with a password: refused under any pg_hba method, including the
          // trust auth of local test servers, where a wrong password alone would be accepted.
          'wrong password': {
            config: {
              ...config,
              url: withUrl(base, { username: 'ktx_no_such_role', password: SECRET }),
            },
            secret: SECRET,
          },
          'missing database': {
            config: {
              ...config,
              url: withUrl(base, { pathname: `/ktx_missing_${suffix}`, password: SECRET }),
            },
            secret: SECRET,
          },
        },
        async runningStatements(marker) {
          const { rows } = await admin.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()",
            [marker],
          );
          return Number(rows[0]?.n);
        },
      };
    },
    async teardown() {
      await admin?.query(`DROP SCHEMA IF EXISTS ${main} CASCADE; DROP SCHEMA IF EXISTS ${other} CASCADE`);
      await admin?.end();
    },
    features: { comments: true, rowEstimates: true },
    engineRefusals: [
      "SELECT nextval('ktx_seq')", // BEGIN READ ONLY refuses it
      'WITH gone AS (DELETE FROM numbers RETURNING n) SELECT count(*) FROM gone', // a SELECT with a data-modifying CTE
    ],
    skip: { 'connection failure: missing file': 'PostgreSQL is a server, not a file' },
  });
});

describe.skipIf(skipWithout('postgres'))('postgres session loss', () => {
  it('a backend terminated mid-statement rejects with connection_failed, and the pool recovers', async () => {
    const base = serverUrl('postgres') as string;
    const mark = `ktx_term_${randomBytes(4).toString('hex')}`;
    const connector = await openPostgresConnector({
      driver: 'postgres',
      id: 'loss',
      url: base,
      maxConnections: 1,
    });
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      const running = connector.query(`SELECT pg_sleep(5) AS ${mark}`, { maxRows: 1, timeoutMs: 10_000 });
      running.catch(() => {});
      const started = Date.now();
      let terminated = 0;
      while (terminated === 0 && Date.now() - started < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const { rows } = await admin.query(
          "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()) t",
          [mark],
        );
        terminated = Number(rows[0]?.n);
      }
      expect(terminated).toBe(1);
      await expectCode(running, 'connection_failed');
      const { rows } = await connector.query('SELECT 1 AS one', { maxRows: 1, timeoutMs: 5_000 });
      expect(rows).toEqual([[1]]);
    } finally {
      await admin.end();
      await connector.close();
    }
  });
});
