import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../support/run-cli.js';
import {
  type ScriptedModelServer,
  type ScriptedTurn,
  startScriptedModelServer,
} from '../support/scripted-model-server/index.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * LLM table and column descriptions during `ktx scan`, through the real @ai-sdk/anthropic provider
 * talking to the scripted model server (the `anthropic` backend with its base URL on loopback).
 */

const ENV = { KTX_TEST_LLM_KEY: 'sk-test-scan-1234' };

function makeWarehouse(path: string): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, segment TEXT);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), status TEXT, amount NUMERIC);
    CREATE TABLE products (sku TEXT PRIMARY KEY, title TEXT);
  `);
  const customer = db.prepare('INSERT INTO customers VALUES (?, ?, ?)');
  for (let i = 1; i <= 30; i++) customer.run(i, `person${i}@example.com`, i % 3 === 0 ? 'enterprise' : 'smb');
  const order = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  for (let i = 1; i <= 90; i++) order.run(i, 1 + (i % 30), ['paid', 'open', 'void'][i % 3], i * 2);
  const product = db.prepare('INSERT INTO products VALUES (?, ?)');
  for (let i = 1; i <= 5; i++) product.run(`SKU-${i}`, `Product ${i}`);
  db.close();
}

/** A project on a fresh warehouse, its LLM pointed at the scripted server, describing one table at a time. */
async function makeProject(
  server: ScriptedModelServer,
  enrichment: Record<string, unknown>,
): Promise<string> {
  const dir = tempDir();
  makeWarehouse(join(dir, 'wh.db'));
  const setup = await runCli([
    '--project-dir',
    dir,
    'setup',
    '--no-input',
    '--database-url',
    join(dir, 'wh.db'),
    '--database-connection-id',
    'wh',
  ]);
  expect(setup.code, setup.stderr).toBe(0);
  const path = join(dir, 'ktx.yaml');
  const config = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  config.llm = {
    provider: {
      backend: 'anthropic',
      anthropic: { api_key: 'env:KTX_TEST_LLM_KEY', base_url: `${server.url}/v1` },
    },
    models: { default: 'claude-sonnet-4-6', candidateExtraction: 'claude-haiku-4-5' },
  };
  config.scan = { ...(config.scan as object), enrichment };
  writeFileSync(path, stringify(config));
  return dir;
}

type Described = { descriptions?: { ai?: string; db?: string } };
interface Shard {
  tables: Record<string, Described & { columns: (Described & { name: string })[] }>;
}
interface Report {
  descriptions: {
    generated: number;
    reused: number;
    calls: number;
    skipped?: string;
    failures: { table: string; code: string; message: string }[];
  };
}

function answer(table: string, columns: Record<string, string>): ScriptedTurn {
  return {
    kind: 'json',
    value: { table, columns: Object.entries(columns).map(([name, description]) => ({ name, description })) },
  };
}

const CUSTOMERS = answer('One row per customer account.', {
  id: 'Customer identifier.',
  email: 'Contact email address of the customer.',
  segment: 'Sales segment: smb or enterprise.',
});
const ORDERS = answer('One row per order placed by a customer.', {
  id: 'Order identifier.',
  customer_id: 'The customer who placed the order.',
  status: 'Payment state of the order.',
  amount: 'Order total.',
  invented_column: 'A column the table does not have.',
});
const PRODUCTS = answer('Catalog of sellable products.', { sku: 'Stock keeping unit.', title: '' });

function readShard(dir: string): Shard {
  return parse(readFileSync(join(dir, 'semantic-layer', 'wh', '_schema', 'main.yaml'), 'utf8')) as Shard;
}

function columnText(shard: Shard, table: string, column: string): string | undefined {
  return shard.tables[table]?.columns.find((entry) => entry.name === column)?.descriptions?.ai;
}

let server: ScriptedModelServer;
beforeAll(async () => {
  server = await startScriptedModelServer();
});
afterAll(async () => {
  await server.close();
});

describe('ktx scan with an LLM backend', () => {
  let project: string;
  const ktx = (...args: string[]) => runCli(['--project-dir', project, ...args], { env: ENV });

  it('describes each table in one candidateExtraction call from its structure and profile', async () => {
    project = await makeProject(server, { concurrency: 1 });
    server.reset([CUSTOMERS, ORDERS, PRODUCTS]);
    const scan = await ktx('--json', 'scan');
    expect(scan.code, scan.stdout + scan.stderr).toBe(0);
    const report = scan.json<{ reports: Report[] }>().reports[0]!;
    expect(report.descriptions).toMatchObject({ generated: 3, reused: 0, calls: 3, failures: [] });
    expect(server.pending).toHaveLength(0);
    expect(server.scriptedRequests.map((request) => request.model)).toEqual([
      'claude-haiku-4-5',
      'claude-haiku-4-5',
      'claude-haiku-4-5',
    ]);

    // The prompt carries structure and profile facts, a bounded number of values, never whole rows.
    const prompts = server.scriptedRequests.map((request) => {
      const body = request.body as { messages: { content: { text: string }[] }[]; max_tokens: number };
      expect(body.max_tokens).toBe(8192);
      return body.messages.map((message) => message.content.map((part) => part.text).join('')).join('\n');
    });
    expect(prompts[0]).toContain('Table: main.customers');
    expect(prompts[0]).toContain('segment: TEXT');
    expect(prompts[0]).toContain('2 distinct in the sample');
    expect(prompts[1]).toMatch(
      /status: TEXT; 3 distinct in the sample; 4 characters; values "open", "paid", "void"/,
    );
    // 30 distinct emails in the table; a nearly unique column shows two examples, no more.
    expect(prompts[0]!.match(/person\d+@example\.com/g)).toHaveLength(2);
    expect(prompts[1]).toContain('Join (declared): customer_id -> main.customers(id)');

    const shard = readShard(project);
    expect(shard.tables.customers?.descriptions).toEqual({ ai: 'One row per customer account.' });
    expect(columnText(shard, 'customers', 'segment')).toBe('Sales segment: smb or enterprise.');
    expect(columnText(shard, 'orders', 'customer_id')).toBe('The customer who placed the order.');
    // An empty answer writes nothing; a name the table does not have is ignored.
    expect(columnText(shard, 'products', 'title')).toBeUndefined();
    expect(JSON.stringify(shard)).not.toContain('invented_column');
    // The semantic model loads the manifests with their AI descriptions.
    expect((await ktx('sl', 'validate')).code).toBe(0);
    const read = await ktx('--json', 'sl', 'read', 'customers');
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout).toContain('One row per customer account.');
  });

  it('costs nothing on a re-scan of unchanged tables', async () => {
    server.reset([]);
    const again = await ktx('--json', 'scan');
    expect(again.code, again.stderr).toBe(0);
    expect(again.json<{ reports: Report[] }>().reports[0]!.descriptions).toMatchObject({
      generated: 0,
      reused: 3,
      calls: 0,
      failures: [],
    });
    expect(server.requests).toHaveLength(0);
    expect(columnText(readShard(project), 'orders', 'status')).toBe('Payment state of the order.');
  });

  it('--no-enrich makes no call and keeps the descriptions still valid', async () => {
    server.reset([]);
    const scan = await ktx('--json', 'scan', '--no-enrich', '--full');
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.json<{ reports: Report[] }>().reports[0]!.descriptions).toMatchObject({
      generated: 0,
      reused: 3,
      calls: 0,
      skipped: '--no-enrich',
    });
    expect(server.requests).toHaveLength(0);
    expect(readShard(project).tables.orders?.descriptions?.ai).toBe(
      'One row per order placed by a customer.',
    );
  });

  it('a changed table is described again; the others stay cached', async () => {
    const db = new Database(join(project, 'wh.db'));
    db.exec('ALTER TABLE products ADD COLUMN price NUMERIC');
    db.close();
    server.reset([
      answer('Products with their prices.', { sku: 'SKU.', title: 'Name.', price: 'List price.' }),
    ]);
    const scan = await ktx('--json', 'scan');
    expect(scan.json<{ reports: Report[] }>().reports[0]!.descriptions).toMatchObject({
      generated: 1,
      reused: 2,
      calls: 1,
    });
    expect(server.pending).toHaveLength(0);
    expect(JSON.stringify(server.scriptedRequests[0]!.body)).toContain('Table: main.products');
    expect(columnText(readShard(project), 'products', 'price')).toBe('List price.');
  });
});

describe('ktx scan when the model fails', () => {
  it('a 500 or invalid JSON for one table becomes a warning; the other tables are described', {
    timeout: 30_000,
  }, async () => {
    const project = await makeProject(server, { concurrency: 1 });
    server.reset([
      // customers: a server error on every attempt (the runtime tries a 5xx three times).
      { kind: 'error', status: 500, message: 'upstream broke' },
      { kind: 'error', status: 500, message: 'upstream broke' },
      { kind: 'error', status: 500, message: 'upstream broke' },
      // orders: not JSON, and the repair call cannot fix it either.
      { kind: 'json', value: 'I would rather write prose about orders.' },
      { kind: 'text', text: 'still not json' },
      PRODUCTS,
    ]);
    const scan = await runCli(['--project-dir', project, 'scan'], { env: ENV });
    expect(scan.code, scan.stdout + scan.stderr).toBe(0);
    expect(scan.stdout).toMatch(/descriptions: 1 generated/);
    expect(scan.stdout).toMatch(/description failed: main\.customers: /);
    expect(scan.stdout).toMatch(/description failed: main\.orders: /);
    expect(server.pending).toHaveLength(0);

    const report = JSON.parse(
      readFileSync(
        join(project, scan.stdout.match(/evidence: (\S+)\/relationships\.json/)![1]!, 'report.json'),
        'utf8',
      ),
    ) as Report;
    expect(report.descriptions.failures.map((failure) => [failure.table, failure.code])).toEqual([
      ['customers', expect.stringMatching(/^llm_/)],
      ['orders', 'llm_invalid_output'],
    ]);
    const shard = readShard(project);
    expect(shard.tables.customers?.descriptions).toBeUndefined();
    expect(shard.tables.orders?.descriptions).toBeUndefined();
    expect(shard.tables.products?.descriptions?.ai).toBe('Catalog of sellable products.');

    // The failed tables are retried on the next scan; the described one is not.
    server.reset([CUSTOMERS, ORDERS]);
    const retry = await runCli(['--project-dir', project, '--json', 'scan'], { env: ENV });
    expect(retry.json<{ reports: Report[] }>().reports[0]!.descriptions).toMatchObject({
      generated: 2,
      reused: 1,
      failures: [],
    });
    expect(server.pending).toHaveLength(0);
  });

  it('mode none makes no call, and ktx ingest <id> runs the same scan', async () => {
    const project = await makeProject(server, { mode: 'none' });
    server.reset([]);
    const ingest = await runCli(['--project-dir', project, '--json', 'ingest', 'wh'], { env: ENV });
    expect(ingest.code, ingest.stdout + ingest.stderr).toBe(0);
    const report = ingest.json<{ reports: (Report & { tables: number; manifests: string[] })[] }>()
      .reports[0]!;
    expect(report).toMatchObject({ tables: 3, manifests: ['semantic-layer/wh/_schema/main.yaml'] });
    expect(report.descriptions.skipped).toBe('scan.enrichment.mode is none');
    expect(server.requests).toHaveLength(0);
    const unknown = await runCli(['--project-dir', project, 'ingest', 'nope'], { env: ENV });
    expect(unknown.code).not.toBe(0);
  });
});
