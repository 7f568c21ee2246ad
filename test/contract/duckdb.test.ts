import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDuckDbConnector } from '../../src/connectors/duckdb/duckdb-connector.js';
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
