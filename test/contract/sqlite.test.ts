import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/** CPU ticks (user + system) of each SQLite worker child of this process, from /proc (Linux). */
function workerTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command: state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('sqlite-worker.js')) continue;
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended while it was being read
    }
  }
  return ticks;
}

/** Worker children still burning CPU: a stopped statement's child must have been killed. */
async function busyWorkers(windowMs = 400): Promise<number> {
  const before = workerTicks();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  let busy = 0;
  for (const [pid, ticks] of workerTicks()) {
    // 100 ticks per second: more than 40% of one core over the window.
    if (ticks - (before.get(pid) ?? ticks) > (windowMs / 10) * 0.4) busy += 1;
  }
  return busy;
}

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
      // SQLite runs in the pool's child processes: a statement that was not stopped keeps its child busy.
      runningStatements: () => busyWorkers(),
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
    // Returns a row, then keeps an exclusive lock that blocks every writer: the child refuses it.
    'PRAGMA locking_mode = EXCLUSIVE',
    'PRAGMA user_version = 7',
  ],
  skip: {
    'introspection keeps same-named tables of two schemas apart': 'a SQLite file has one schema (main)',
    'connection failure: wrong port': 'SQLite is a file, not a server',
    'connection failure: wrong password': 'SQLite files have no login',
    'connection failure: missing database': 'the database is the file: see "missing file"',
  },
});
