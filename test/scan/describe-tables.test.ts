import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntrospectedTable } from '../../src/connectors/port.js';
import { createLlmRuntime } from '../../src/llm/index.js';
import type { LlmRuntime } from '../../src/llm/port.js';
import { descriptionRequest } from '../../src/scan/describe/description-prompt.js';
import { describeTables, type TableProfile } from '../../src/scan/index.js';
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from '../support/scripted-model-server/index.js';

function table(name: string, columns: string[]): IntrospectedTable {
  return {
    schema: 'app',
    name,
    kind: 'table',
    comment: null,
    rowEstimate: 1000,
    columns: columns.map((column, ordinal) => ({
      name: column,
      ordinal,
      nativeType: 'text',
      type: 'text',
      nullable: true,
      comment: null,
    })),
    primaryKey: [],
    uniqueKeys: [],
    foreignKeys: [],
  };
}

function profile(of: IntrospectedTable, rowCount: number, values: string[]): TableProfile {
  return {
    schema: of.schema,
    table: of.name,
    fingerprint: 'f',
    rowCount,
    sampled: 100,
    sampling: 'whole table',
    sql: 'select …',
    elapsedMs: 1,
    uniqueTuples: [],
    columns: of.columns.map((column) => ({
      name: column.name,
      type: 'text',
      sampled: 100,
      nulls: 0,
      nullRate: 0,
      distinct: values.length,
      uniqueness: values.length / 100,
      min: values[0] ?? null,
      max: values.at(-1) ?? null,
      minLength: 1,
      maxLength: 9,
      top: values.map((value, index) => ({ value, count: 50 - index })),
      values: Array.from({ length: 50 }, (_, index) => `sample-${index}`),
    })),
  };
}

describe('description prompts', () => {
  it('are bounded: no kept sample values, at most five per column, wide tables in 100-column slices', () => {
    const wide = table(
      'wide',
      Array.from({ length: 250 }, (_, index) => `c${index}`),
    );
    const request = descriptionRequest(wide, profile(wide, 10, ['a', 'b', 'c', 'd', 'e']), []);
    expect(request.prompts).toHaveLength(3);
    expect(request.prompts[2]).toContain('(columns 201–250 of 250)');
    for (const prompt of request.prompts) expect(prompt).not.toContain('sample-');
    expect(request.prompts[0]!.split('\n').find((line) => line.startsWith('- c0:'))).toBe(
      '- c0: text; 5 distinct in the sample; 1–9 characters; values "a", "b", "c", "d", "e"',
    );
  });

  it('keep their cache key when only the amount of data changes, and change it when meaning may have', () => {
    const orders = table('orders', ['status']);
    const key = descriptionRequest(orders, profile(orders, 10, ['paid', 'open']), []).key;
    const grown = profile(orders, 90_000, ['paid', 'open']);
    grown.columns[0]!.top = grown.columns[0]!.top.map((entry) => ({ ...entry, count: entry.count * 900 }));
    expect(descriptionRequest(orders, grown, []).key).toBe(key);
    expect(descriptionRequest(orders, profile(orders, 10, ['paid', 'refunded']), []).key).not.toBe(key);
    expect(descriptionRequest(table('orders', ['state']), undefined, []).key).not.toBe(key);
    expect(
      descriptionRequest(orders, profile(orders, 10, ['paid', 'open']), [
        { columns: ['status'], target: 'app.states', targetColumns: ['code'], origin: 'discovered' },
      ]).key,
    ).not.toBe(key);
  });
});

describe('describeTables through a real runtime', () => {
  let server: ScriptedModelServer;
  let runtime: LlmRuntime;
  beforeAll(async () => {
    server = await startScriptedModelServer();
    runtime = await createLlmRuntime({
      backend: 'anthropic',
      models: { default: 'claude-sonnet-4-6' },
      apiKey: 'sk-ant-test-5678',
      baseUrl: `${server.url}/v1`,
      promptCaching: {
        enabled: false,
        systemTtl: '5m',
        toolsTtl: '5m',
        historyTtl: '5m',
        vertexFallbackTo5m: true,
      },
      projectDir: process.cwd(),
      env: {},
    });
  });
  afterAll(async () => {
    await runtime?.close();
    await server?.close();
  });

  it('keeps at most `concurrency` tables in flight, and takes only each table’s own columns', async () => {
    const tables = ['a', 'b', 'c', 'd', 'e'].map((name) => table(name, [`${name}_code`, `${name}_label`]));
    const every = tables.flatMap((entry) => entry.columns.map((column) => column.name));
    // Turns are served in arrival order, so every answer names every column; each table keeps its own.
    server.reset(
      tables.map(() => ({
        kind: 'delay' as const,
        ms: 150,
        turn: {
          kind: 'json' as const,
          value: {
            table: 'Reference data.',
            columns: every.map((name) => ({ name, description: `Meaning of ${name}.` })),
          },
        },
      })),
    );
    let inFlight = 0;
    let peak = 0;
    const counting: LlmRuntime = {
      ...runtime,
      modelFor: (role) => runtime.modelFor(role),
      generateObject: async (input) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await runtime.generateObject(input);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const result = await describeTables({ tables, profiles: new Map(), runtime: counting, concurrency: 2 });
    expect(peak).toBe(2);
    expect(result).toMatchObject({ generated: 5, calls: 5, failures: [] });
    expect(result.descriptions.map((entry) => [entry.table, Object.keys(entry.columns)])).toEqual(
      tables.map((entry) => [entry.name, [`${entry.name}_code`, `${entry.name}_label`]]),
    );
    expect(result.descriptions[0]).toMatchObject({
      model: 'claude-sonnet-4-6',
      description: 'Reference data.',
    });
    expect(server.pending).toHaveLength(0);
  });

  it('a table the model does not answer in time is a scan_describe_timeout failure; the next goes on', async () => {
    const tables = [table('b_quick', ['y']), table('a_slow', ['x'])];
    server.reset([
      { kind: 'hang' },
      { kind: 'json', value: { table: 'Quick table.', columns: [{ name: 'y', description: 'Why.' }] } },
    ]);
    const result = await describeTables({
      tables,
      profiles: new Map(),
      runtime,
      concurrency: 1,
      tableTimeoutMs: 500,
    });
    expect(result.failures).toEqual([
      {
        schema: 'app',
        table: 'a_slow',
        code: 'scan_describe_timeout',
        message: 'no descriptions within 0.5 s',
      },
    ]);
    expect(result.descriptions.map((entry) => [entry.table, entry.description])).toEqual([
      ['b_quick', 'Quick table.'],
    ]);
    expect(server.scriptedRequests[0]!.clientClosedEarly).toBe(true);
  });
});
