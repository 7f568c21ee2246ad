#!/usr/bin/env node
// `node bench/mcp/run.mjs` (after `npx tsc -p tsconfig.build.json`): the MCP HTTP daemon under load.
// Builds the shop project (SQLite, semantic layer, real scan, a wiki page), starts `ktx mcp start` as a
// real background daemon and drives it with the real SDK client: 200 concurrent sl_query calls (no
// error allowed), then sequential round trips for compile-only and executed sl_query and for
// discover_data, each as a ratio to a `/health` round trip measured in the same run.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { percentile } from '../harness.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ktx.js');
const SEMANTIC = join(ROOT, 'test', 'engines', 'semantic');
const DECLARED = { integer: 'INTEGER', text: 'TEXT', decimal: 'NUMERIC', date: 'DATE' };
const CONCURRENT = Number(process.env.KTX_BENCH_CONCURRENT ?? 200);
const RUNS = Number(process.env.KTX_BENCH_RUNS ?? 200);

const dir = mkdtempSync(join(tmpdir(), 'ktx-bench-mcp-'));
const ktx = (...args) =>
  execFileSync(process.execPath, [BIN, '--project-dir', dir, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

function makeProject() {
  const { tables } = parse(readFileSync(join(SEMANTIC, 'fixtures', 'shop.yaml'), 'utf8'));
  const db = new Database(join(dir, 'shop.db'));
  for (const [name, table] of Object.entries(tables)) {
    const columns = Object.entries(table.columns);
    db.exec(`CREATE TABLE ${name} (${columns.map(([c, t]) => `${c} ${DECLARED[t] ?? 'TEXT'}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO ${name} VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of table.rows) insert.run(...row);
  }
  db.close();
  ktx('setup', '--no-input', '--database-url', join(dir, 'shop.db'), '--database-connection-id', 'shop');
  ktx('scan', 'shop');
  cpSync(join(SEMANTIC, 'models', 'shop'), join(dir, 'semantic-layer', 'shop'), { recursive: true });
  mkdirSync(join(dir, 'wiki', 'global', 'metrics'), { recursive: true });
  writeFileSync(
    join(dir, 'wiki', 'global', 'metrics', 'revenue.md'),
    '---\nsummary: How the shop counts revenue\n---\n# Revenue\n\nSum of order amounts; use orders.revenue.\n',
  );
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function client(url) {
  const each = new Client({ name: 'ktx-bench', version: '1.0.0' });
  await each.connect(new StreamableHTTPClientTransport(new URL(url)));
  return each;
}

const health = (url) =>
  new Promise((resolve, reject) => {
    get(url.replace(/\/mcp$/, '/health'), (response) => {
      response.resume();
      response.on('end', resolve);
    }).on('error', reject);
  });

async function timed(run, runs, warmup = 10) {
  for (let i = 0; i < warmup; i++) await run();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs };
}

const COMPILE = {
  measures: ['orders.revenue', 'tickets.ticket_count'],
  dimensions: ['customers.segment'],
  execute: false,
};
const EXECUTE = { measures: ['orders.revenue', 'tickets.ticket_count'], dimensions: ['customers.segment'] };

makeProject();
const port = await freePort();
const started = JSON.parse(ktx('--json', 'mcp', 'start', '--port', String(port)));
try {
  const url = started.url;
  const clients = await Promise.all(Array.from({ length: 10 }, () => client(url)));
  const callOk = async (each, name, args) => {
    const result = await each.callTool({ name, arguments: args });
    if (result.isError) throw new Error(`${name}: ${result.content[0]?.text}`);
    return result;
  };
  // Warm the daemon (project load, connector pool, search index).
  await callOk(clients[0], 'sl_query', EXECUTE);
  await callOk(clients[0], 'discover_data', { query: 'revenue' });

  // 200 concurrent sl_query calls over 10 connections, half compile-only, half executed on SQLite.
  let errors = 0;
  const latencies = [];
  const wallStart = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async (_, index) => {
      const start = process.hrtime.bigint();
      try {
        const result = await callOk(
          clients[index % clients.length],
          'sl_query',
          index % 2 ? EXECUTE : COMPILE,
        );
        if (index % 2 && result.structuredContent.rows.length !== 4) throw new Error('wrong row count');
      } catch (error) {
        errors++;
        if (errors <= 3) console.error(String(error));
      }
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }),
  );
  const wall = Number(process.hrtime.bigint() - wallStart) / 1e6;
  latencies.sort((a, b) => a - b);

  const base = await timed(() => health(url), RUNS);
  const compileOnly = await timed(() => callOk(clients[0], 'sl_query', COMPILE), RUNS);
  const executed = await timed(() => callOk(clients[0], 'sl_query', EXECUTE), RUNS);
  const discover = await timed(
    () => callOk(clients[0], 'discover_data', { query: 'revenue by customer segment' }),
    Math.ceil(RUNS / 2),
  );
  await Promise.all(clients.map((each) => each.close()));

  const row = (name, m, target) =>
    `${name.padEnd(34)} ${m.p50.toFixed(2).padStart(8)} ${m.p95.toFixed(2).padStart(8)} ${String(m.runs).padStart(5)} ${(m.p50 / base.p50).toFixed(1).padStart(6)}x${target ? `  (target p50 < ${target} ms: ${m.p50 < target ? 'met' : 'MISSED'})` : ''}`;
  console.log(`\nktx MCP daemon bench (${started.url}, node ${process.version})`);
  console.log(
    `concurrency: ${CONCURRENT} concurrent sl_query calls over ${clients.length} connections: ${errors} error(s), wall ${wall.toFixed(0)} ms, per call p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `\n${'sequential round trip'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'runs'.padStart(5)} ${'ratio'.padStart(7)}`,
  );
  console.log(row('GET /health (baseline)', base));
  console.log(row('sl_query compile-only', compileOnly, 15));
  console.log(row('sl_query executed (SQLite)', executed));
  console.log(row('discover_data', discover));
  process.exitCode = errors > 0 ? 1 : 0;
} finally {
  ktx('mcp', 'stop');
  rmSync(dir, { recursive: true, force: true });
}
