import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbConnector } from '../../src/connectors/duckdb/duckdb-connector.js';
import { isKtxError } from '../../src/core/index.js';
import { describeConnectorContract } from './connector-contract.js';
import { type FixtureDialect, fixtureStatements } from './connector-fixture.js';

const DUCKDB: FixtureDialect = {
  types: {
    id: 'INTEGER',
    varchar: 'VARCHAR',
    money: 'DECIMAL(12,2)',
    int_col: 'INTEGER',
    big_col: 'BIGINT',
    small_big_col: 'BIGINT',
    dec_col: 'DECIMAL(38,10)',
    float_col: 'DOUBLE',
    bool_col: 'BOOLEAN',
    text_col: 'VARCHAR',
    date_col: 'DATE',
    ts_col: 'TIMESTAMP',
    tstz_col: 'TIMESTAMPTZ',
    json_col: 'JSON',
    bin_col: 'BLOB',
  },
  literals: { bin_col: "'\\x00\\xFF\\x10'::BLOB" },
  comments: 'comment-on',
};

const OTHER = 'other';

/** This process's CPU time over a short window, as a share of one core. */
async function busyCpuShare(windowMs = 400): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / windowMs;
}
let directory = '';

describeConnectorContract({
  engine: 'duckdb',
  async setup() {
    directory = mkdtempSync(join(tmpdir(), 'ktx-duckdb-'));
    const path = join(directory, 'fixture.duckdb');
    const writer = await DuckDBInstance.create(path);
    const connection = await writer.connect();
    await connection.run(`CREATE SCHEMA ${OTHER}`);
    await connection.run('CREATE SEQUENCE ktx_seq');
    for (const statement of fixtureStatements(DUCKDB, OTHER)) await connection.run(statement);
    connection.closeSync();
    writer.closeSync();
    const config = { driver: 'duckdb', id: 'fixture', path, schemas: ['main', OTHER] } as const;
    return {
      config,
      unscopedConfig: { driver: 'duckdb', id: 'fixture', path },
      openWithoutGate: () => openDuckDbConnector(config, { gate: () => {} }),
      mainSchema: 'main',
      otherSchema: OTHER,
      // DuckDB runs in this process and has no list of other connections' statements: a statement
      // that was not really interrupted keeps burning this process's CPU.
      runningStatements: async () => ((await busyCpuShare()) > 0.4 ? 1 : 0),
      failures: {
        'missing file': { config: { driver: 'duckdb', id: 'missing', path: join(directory, 'nope.duckdb') } },
      },
    };
  },
  async teardown() {
    rmSync(directory, { recursive: true, force: true });
  },
  features: { comments: true, rowEstimates: true },
  engineRefusals: [
    "SELECT nextval('ktx_seq')", // the file is attached read-only
    "SELECT * FROM read_csv('/etc/hostname')", // enable_external_access = false
    'WITH x AS (SELECT 1) DELETE FROM numbers',
  ],
  skip: {
    'connection failure: wrong port': 'DuckDB is a file, not a server',
    'connection failure: wrong password': 'DuckDB files have no login',
    'connection failure: missing database': 'the database is the file: see "missing file"',
  },
});

describe('duckdb connector stop and close', () => {
  let dir = '';
  let path = '';
  const heavy = 'SELECT sum(a.n * b.n - c.n + d.n) FROM numbers a, numbers b, numbers c, numbers d';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ktx-duckdb-close-'));
    path = join(dir, 'numbers.duckdb');
    const writer = await DuckDBInstance.create(path);
    const connection = await writer.connect();
    await connection.run('CREATE TABLE numbers AS SELECT range AS n FROM range(1000)');
    connection.closeSync();
    writer.closeSync();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('close() after a timed-out heavy query resolves promptly (the CLI sequence)', async () => {
    const connector = await openDuckDbConnector({ driver: 'duckdb', id: 'close', path });
    const error = await connector.query(heavy, { maxRows: 1, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(isKtxError(error) && error.code).toBe('query_timeout');
    const started = Date.now();
    await connector.close();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('close() while a heavy query runs interrupts it and resolves promptly', async () => {
    const connector = await openDuckDbConnector({ driver: 'duckdb', id: 'close', path });
    await connector.query('SELECT 1', { maxRows: 1, timeoutMs: 5_000 });
    const running = connector.query(heavy, { maxRows: 1, timeoutMs: 60_000 }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await connector.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(isKtxError(await running)).toBe(true);
  });

  it('an abort that fires before the statement starts still stops it', async () => {
    const connector = await openDuckDbConnector({ driver: 'duckdb', id: 'early', path });
    try {
      await connector.query('SELECT 1', { maxRows: 1, timeoutMs: 5_000 });
      for (const delay of [0, 1, 5]) {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), delay);
        const error = await connector
          .query(heavy, { maxRows: 1, timeoutMs: 60_000, signal: controller.signal })
          .catch((e: unknown) => e);
        expect(isKtxError(error) && error.code).toBe('query_aborted');
        // An interrupt lost before the statement started would leave it burning CPU for minutes.
        const deadline = Date.now() + 5_000;
        let share = await busyCpuShare();
        while (share > 0.4 && Date.now() < deadline) share = await busyCpuShare();
        expect(share, `CPU share after an abort ${delay} ms in`).toBeLessThan(0.4);
      }
    } finally {
      await connector.close();
    }
  });
});
