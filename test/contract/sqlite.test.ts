import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteConnector } from '../../src/connectors/sqlite/sqlite-connector.js';
import { describeConnectorContract } from './connector-contract.js';
import { type FixtureDialect, fixtureStatements } from './connector-fixture.js';

const SQLITE: FixtureDialect = {
  types: {
    id: 'INTEGER',
    varchar: 'VARCHAR(200)',
    money: 'DECIMAL(12,2)',
    int_col: 'INTEGER',
    big_col: 'BIGINT',
    small_big_col: 'BIGINT',
    dec_col: 'DECIMAL(38,10)',
    float_col: 'DOUBLE',
    bool_col: 'BOOLEAN',
    text_col: 'TEXT',
    date_col: 'DATE',
    ts_col: 'TIMESTAMP',
    tstz_col: null, // SQLite has no zoned timestamp type
    json_col: 'JSON',
    bin_col: 'BLOB',
  },
  // NUMERIC affinity stores a 38-digit decimal as a REAL (15 significant digits), so the fixture keeps
  // a value SQLite can hold; the connector must still return it as text.
  literals: { dec_col: '12345.6789' },
  comments: 'none',
};

let directory = '';

describeConnectorContract({
  engine: 'sqlite',
  async setup() {
    directory = mkdtempSync(join(tmpdir(), 'ktx-sqlite-'));
    const path = join(directory, 'fixture.sqlite');
    const writer = new Database(path);
    for (const statement of fixtureStatements(SQLITE)) writer.exec(statement);
    writer.close();
    const config = { driver: 'sqlite', id: 'fixture', path } as const;
    return {
      config,
      unscopedConfig: config,
      openWithoutGate: () => openSqliteConnector(config, { gate: () => {} }),
      mainSchema: 'main',
      failures: {
        'missing file': {
          config: { driver: 'sqlite', id: 'missing', path: join(directory, 'nope', 'x.sqlite') },
        },
      },
    };
  },
  async teardown() {
    rmSync(directory, { recursive: true, force: true });
  },
  features: { comments: false, rowEstimates: false },
  sampleOverrides: { dec_col: '12345.6789' },
  // Both start with WITH, as a query does: the read-only file handle refuses the first, and the
  // connector refuses the second because SQLite reports that it returns no rows.
  engineRefusals: [
    'WITH x AS (SELECT 1) DELETE FROM numbers RETURNING n',
    'WITH x AS (SELECT 1) DELETE FROM numbers',
  ],
  skip: {
    'introspection keeps same-named tables of two schemas apart': 'a SQLite file has one schema (main)',
    'connection failure: wrong port': 'SQLite is a file, not a server',
    'connection failure: wrong password': 'SQLite files have no login',
    'connection failure: missing database': 'the database is the file: see "missing file"',
  },
});
