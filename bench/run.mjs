#!/usr/bin/env node
// `npm run bench [-- <group filter>]`: builds first (see package.json), then runs every group.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createConnector } from '../dist/connectors/index.js';
import { formatRows, runGroups } from './harness.mjs';

const root = new URL('..', import.meta.url).pathname;
const ktx = join(root, 'bin', 'ktx.js');
const node = (args) => execFileSync(process.execPath, args, { stdio: 'pipe' });

const work = mkdtempSync(join(tmpdir(), 'ktx-bench-'));
const dbPath = join(work, 'bench.db');
const sql =
  'SELECT category, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY category ORDER BY category';

function makeDatabase() {
  const db = new Database(dbPath);
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, category TEXT, amount REAL)');
  const insert = db.prepare('INSERT INTO orders (category, amount) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`c${i % 17}`, (i * 7919) % 1000);
  })();
  db.close();
  writeFileSync(join(work, 'ktx.yaml'), `connections:\n  bench:\n    driver: sqlite\n    path: ${dbPath}\n`);
}

let direct;
let connector;

const groups = [
  {
    name: 'cli-startup',
    runs: 15,
    baseline: { name: 'node -e 0', run: () => node(['-e', '0']) },
    cases: [
      { name: 'ktx --help', run: () => node([ktx, '--help']), target: 3 },
      { name: 'ktx --version', run: () => node([ktx, '--version']) },
    ],
  },
  {
    name: 'sql-cli',
    runs: 15,
    baseline: { name: 'node -e 0', run: () => node(['-e', '0']) },
    cases: [
      {
        name: 'ktx sql (sqlite, group-by over 20k rows)',
        run: () => node([ktx, '--project-dir', work, '--json', 'sql', sql]),
      },
    ],
  },
  {
    name: 'sql-in-process',
    runs: 200,
    warmup: 20,
    setup: async () => {
      direct = new Database(dbPath, { readonly: true });
      connector = await createConnector({ driver: 'sqlite', id: 'bench', path: dbPath });
    },
    teardown: async () => {
      direct.close();
      await connector.close();
    },
    baseline: { name: 'better-sqlite3 prepare().all()', run: () => direct.prepare(sql).all() },
    cases: [
      {
        name: 'connector.query (gate + worker + conversion)',
        run: () => connector.query(sql, { maxRows: 1000, timeoutMs: 30_000 }),
      },
    ],
  },
];

makeDatabase();
try {
  const rows = await runGroups(groups, process.argv[2]);
  process.stdout.write(`${formatRows(rows)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
