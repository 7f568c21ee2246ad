#!/usr/bin/env node
// `npm run bench [-- <group filter>]`: builds first (see package.json), then runs every group.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { createConnector } from '../dist/connectors/index.js';
import { compileQuery, loadSemanticModel } from '../dist/semantic/index.js';
import { checkReadOnly, parseExpression } from '../dist/sql/index.js';
import { formatRows, runGroups } from './harness.mjs';
import { syntheticModel } from './synthetic-model.mjs';

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

// The read-only gate runs before every statement; the fragment parser on every measure and filter.
// Targets: a 100 KB statement well under 10 ms; a 2 KB fragment well under 1 ms.
const gateUnit =
  "SELECT o.id, replace(c.name, 'a', 'b') AS n, sum(o.amount) OVER (PARTITION BY c.id) -- note\n FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status IN ('open', 'x') UNION ALL\n";
const statement100k = `${gateUnit.repeat(Math.ceil(100_000 / gateUnit.length))}SELECT 1`;
const fragmentClause = "(orders.status = 'paid' and orders.amount between 10 and 20) or ";
const fragment2k = `${fragmentClause.repeat(Math.ceil(2048 / fragmentClause.length))}x is null`;
groups.push({
  name: 'read-only-gate',
  runs: 40,
  warmup: 5,
  baseline: {
    name: 'JSON.parse of the same 100 KB as a string',
    run: () => JSON.parse(JSON.stringify(statement100k)),
  },
  cases: [
    { name: 'checkReadOnly 100 KB (postgres)', run: () => checkReadOnly(statement100k, 'postgres') },
    {
      name: 'checkReadOnly 100 KB (mysql, two lexical modes)',
      run: () => checkReadOnly(statement100k, 'mysql'),
    },
  ],
});
groups.push({
  name: 'sql-fragments',
  runs: 200,
  warmup: 20,
  baseline: {
    name: 'JSON.parse of the same 2 KB as a string',
    run: () => JSON.parse(JSON.stringify(fragment2k)),
  },
  cases: [{ name: 'parseExpression 2 KB filter', run: () => parseExpression(fragment2k, 'postgres') }],
});

// Semantic compile: cold load (YAML → model) and warm compile (model → SQL). Targets from the issue:
// warm compile p50 under 2 ms at 50 sources and under 20 ms at 500 sources / ~5,000 measures. The
// baseline is a one-measure query on the 50-source model.
const small = syntheticModel({ sources: 50, measuresPer: 4 });
const large = syntheticModel({ sources: 500, measuresPer: 15 });
let smallModel;
let largeModel;
groups.push({
  name: 'semantic-compile',
  runs: 60,
  warmup: 5,
  setup: () => {
    smallModel = loadSemanticModel(small.files, { dialect: 'postgres' }).model;
    largeModel = loadSemanticModel(large.files, { dialect: 'postgres' }).model;
  },
  baseline: {
    name: 'compile 1 measure, 50 sources',
    run: () => compileQuery(smallModel, { measures: ['fact_0.m_0'] }),
  },
  cases: [
    { name: 'warm compile chasm query, 50 sources', run: () => compileQuery(smallModel, small.timeQuery) },
    { name: 'warm compile chasm query, 500 sources', run: () => compileQuery(largeModel, large.timeQuery) },
    { name: 'cold load 50 sources', run: () => loadSemanticModel(small.files, { dialect: 'postgres' }) },
    {
      name: 'cold load 500 sources / 5,000+ measures',
      run: () => loadSemanticModel(large.files, { dialect: 'postgres' }),
    },
  ],
});

// Fan-trap execution on DuckDB: ktx's distinct-keys plan against the symmetric-aggregate rewrite
// (Looker-style SUM(DISTINCT key-hash + value) - SUM(DISTINCT key-hash)) of the same question.
let duck;
const fanRows = 200_000;
const fanModel = loadSemanticModel(
  [
    {
      path: 'semantic-layer/b/orders.yaml',
      text: 'name: orders\ntable: orders\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: amount, type: number}\nmeasures:\n  - {name: revenue, expr: "sum(amount)"}\n',
    },
    {
      path: 'semantic-layer/b/order_items.yaml',
      text: 'name: order_items\ntable: order_items\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: order_id, type: number}\n  - {name: sku, type: string}\njoins:\n  - {to: orders, on: "order_id = orders.id", relationship: many_to_one}\n',
    },
  ],
  { dialect: 'duckdb' },
).model;
const fanSql = compileQuery(fanModel, {
  measures: ['orders.revenue'],
  dimensions: ['order_items.sku'],
  includeEmpty: false,
}).sql;
groups.push({
  name: 'fan-trap-duckdb',
  runs: 15,
  warmup: 2,
  setup: async () => {
    const instance = await DuckDBInstance.create(':memory:');
    duck = await instance.connect();
    await duck.run(
      `CREATE TABLE orders AS SELECT i AS id, (i * 37 % 1000) / 10.0 AS amount FROM range(${fanRows}) t(i)`,
    );
    await duck.run(
      `CREATE TABLE order_items AS SELECT i AS id, i % ${fanRows} AS order_id, 'sku' || (i * 13 % 50) AS sku FROM range(${fanRows * 3}) t(i)`,
    );
  },
  baseline: {
    name: 'symmetric aggregates',
    run: () =>
      duck.run(`SELECT i.sku, SUM(DISTINCT hash(o.id)::HUGEINT * 1000000 + CAST(o.amount * 100 AS HUGEINT)) - SUM(DISTINCT hash(o.id)::HUGEINT * 1000000) AS revenue_cents
        FROM orders o LEFT JOIN order_items i ON i.order_id = o.id GROUP BY i.sku`),
  },
  cases: [{ name: 'ktx compiled fan-trap query (distinct keys)', run: () => duck.run(fanSql) }],
});

makeDatabase();
try {
  const rows = await runGroups(groups, process.argv[2]);
  process.stdout.write(`${formatRows(rows)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
