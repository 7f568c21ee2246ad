import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, TOOL_NAMES } from './mcp-client.js';
import { makeMcpProject } from './mcp-project.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'ktx.js');

describe('ktx mcp stdio (the built bin/ktx.js, with the real SDK client)', () => {
  let client: Client;
  let stderr = '';
  beforeAll(async () => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
    }
    const dir = await makeMcpProject();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, '--project-dir', dir, 'mcp', 'stdio'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    client = new Client({ name: 'ktx-test', version: '1.0.0' });
    await client.connect(transport);
  }, 60_000);
  afterAll(async () => {
    await client?.close();
  });

  it('lists the nine tools with the server instructions', async () => {
    const tools = await client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    expect(client.getInstructions()).toMatch(/discover_data first/);
    expect(client.getServerVersion()?.name).toBe('ktx');
  });

  it('connection_list names the shop connection with its counts', async () => {
    const { structured, text } = await call(client, 'connection_list');
    expect(structured).toEqual({
      connections: [{ id: 'shop', driver: 'sqlite', dialect: 'sqlite', sources: 9, measures: 18 }],
    });
    expect(text).toContain('| shop | sqlite | 9 | 18 |');
  });

  it('discover_data ranks measures, wiki pages and values together, with next steps', async () => {
    const revenue = await call(client, 'discover_data', { query: 'revenue' });
    const hits = revenue.structured?.hits as { kind: string; key: string }[];
    expect(hits[0]).toMatchObject({ kind: 'measure', key: 'orders.revenue' });
    expect(hits.some((hit) => hit.kind === 'wiki' && hit.key === 'metrics/revenue')).toBe(true);
    expect(revenue.text).toContain('→ sl_query {"measures": ["orders.revenue"]');
    const values = await call(client, 'discover_data', { query: 'enterprise', kinds: ['value'] });
    expect((values.structured!.hits as { key: string }[])[0]?.key).toBe('customers.segment');
  });

  it('entity_details describes a source with samples, joins and measures, and suggests names', async () => {
    const { structured, text } = await call(client, 'entity_details', { entities: ['orders', 'custmers'] });
    const [orders] = structured!.entities as {
      name: string;
      rowCount: number;
      columns: { name: string; sampleValues?: unknown[] }[];
      joins: { to: string }[];
      measures: { name: string }[];
    }[];
    expect(orders).toMatchObject({ name: 'orders', rowCount: 6 });
    expect(orders!.columns.find((column) => column.name === 'status')?.sampleValues).toEqual(
      expect.arrayContaining(['paid', 'refunded', 'pending']),
    );
    expect(orders!.joins.map((join) => join.to)).toEqual(['customers', 'regions']);
    expect(orders!.measures.map((measure) => measure.name)).toContain('orders.revenue');
    expect(text).toContain('did you mean `customers`?');
    const none = await call(client, 'entity_details', { entities: ['nothing_like_it'] });
    expect(none.result.isError).toBe(true);
    expect(none.text).toMatch(/entity_not_found[\s\S]*Fix: /);
  });

  it('dictionary_search finds the column and exact spelling of a value', async () => {
    const { structured, text } = await call(client, 'dictionary_search', {
      values: ['enterprise', 'WIDGETS', 'zzz'],
    });
    const results = structured?.results as {
      value: string;
      matches: { column: string; matchedValue: string; match: string }[];
    }[];
    expect(results[0]?.matches[0]).toMatchObject({
      column: 'customers.segment',
      matchedValue: 'enterprise',
      match: 'exact',
    });
    expect(results[1]?.matches[0]).toMatchObject({
      column: 'products.category',
      matchedValue: 'widgets',
      match: 'case-insensitive',
    });
    expect(results[2]?.matches).toEqual([]);
    expect(text).toContain("filter `customers.segment = 'enterprise'`");
  });

  it('wiki_search and wiki_read return the page; a typo gets "did you mean"', async () => {
    const search = await call(client, 'wiki_search', { query: 'refunds included' });
    expect(search.structured?.results).toEqual([
      expect.objectContaining({ key: 'metrics/revenue', summary: 'How the shop counts revenue' }),
    ]);
    const read = await call(client, 'wiki_read', { key: 'wiki/global/metrics/revenue.md' });
    expect(read.structured).toMatchObject({
      key: 'metrics/revenue',
      tags: ['finance', 'revenue'],
      slRefs: ['orders'],
    });
    expect(read.text).toContain('refunds included');
    const typo = await call(client, 'wiki_read', { key: 'metrics/revenu' });
    expect(typo.result.isError).toBe(true);
    expect(typo.text).toContain('did you mean `metrics/revenue`?');
  });

  it('sl_read_source returns the YAML; an unknown source gets "did you mean"', async () => {
    const { structured } = await call(client, 'sl_read_source', { sourceName: 'tickets' });
    expect(structured).toMatchObject({ sourceName: 'tickets', file: 'semantic-layer/shop/tickets.yaml' });
    expect(structured?.yaml).toContain('ticket_count');
    const typo = await call(client, 'sl_read_source', { sourceName: 'ticket' });
    expect(typo.result.isError).toBe(true);
    expect(typo.text).toContain('did you mean `tickets`?');
  });

  it('sl_query executes with fan-out notes, returns SQL on request, compiles only when asked', async () => {
    const fan = await call(client, 'sl_query', {
      measures: ['orders.order_count'],
      dimensions: ['products.category'],
      include: ['sql'],
      order_by: [{ field: 'category' }],
    });
    expect(fan.result.isError, fan.text).toBeFalsy();
    expect(fan.structured?.rows).toEqual([
      [null, 2],
      ['gadgets', 1],
      ['widgets', 3],
    ]);
    expect((fan.structured!.notes as string[]).join(' ')).toMatch(/fan-out/);
    expect(fan.structured?.sql).toMatch(/SELECT/);
    const monthly = await call(client, 'sl_query', {
      measures: ['orders.revenue'],
      dimensions: ['orders.created_at:month'],
      filters: ["orders.status = 'paid'"],
      execute: false,
    });
    expect(monthly.structured).toMatchObject({
      mode: 'compile_only',
      rows: [],
      headers: ['created_at_month', 'revenue'],
    });
  });

  it('sl_query takes ad hoc measures and returns the plan on request', async () => {
    const adHoc = await call(client, 'sl_query', {
      measures: [{ name: 'total', expr: 'sum(orders.amount)' }],
      include: ['plan'],
    });
    expect(adHoc.structured).toMatchObject({ headers: ['total'], rows: [[142.75]] });
    expect(adHoc.structured?.plan).toMatchObject({ groups: [expect.objectContaining({ source: 'orders' })] });
  });

  it('sl_query errors are results with "did you mean" and a fix, never protocol faults', async () => {
    const typo = await call(client, 'sl_query', { measures: ['orders.revenu'] });
    expect(typo.result.isError).toBe(true);
    expect(typo.text).toMatch(/did you mean `revenue`/);
    expect(typo.text).toContain('Fix: ');
    const empty = await call(client, 'sl_query', {});
    expect(empty.text).toContain('tool_input_invalid');
    const badType = await call(client, 'sl_query', { measures: 'orders.revenue' });
    expect(badType.result.isError).toBe(true);
  });

  it('sql_execution runs read-only SQL with a row cap and refuses writes', async () => {
    const rows = await call(client, 'sql_execution', {
      sql: 'select status, count(*) as n from orders group by status order by status',
      max_rows: 2,
    });
    expect(rows.structured).toMatchObject({
      headers: ['status', 'n'],
      rows: [
        ['paid', 4],
        ['pending', 1],
      ],
      truncated: true,
    });
    const write = await call(client, 'sql_execution', { sql: 'delete from orders' });
    expect(write.result.isError).toBe(true);
    expect(write.text).toMatch(/read_only_violation[\s\S]*Fix: /);
    const unknown = await call(client, 'sql_execution', { sql: 'select 1', connectionId: 'shopp' });
    expect(unknown.text).toContain('did you mean `shop`?');
  });

  it('keeps stdout for the protocol and logs each call on stderr', () => {
    expect(stderr).toMatch(/tool=sql_execution ok=false code=read_only_violation/);
  });
});
