import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Connector,
  createConnector,
  type IntrospectedTable,
  type LogicalType,
} from '../../src/connectors/index.js';
import { isKtxError } from '../../src/core/index.js';
import {
  CUSTOMERS_COMMENT,
  EMAIL_COMMENT,
  NUMBER_COUNT,
  SAMPLE_TYPES,
  type SampleColumn,
  TYPE_SAMPLE,
} from './connector-fixture.js';
import {
  type ContractCase,
  type ContractFixture,
  type ContractTarget,
  expectCode,
  expectServerStopped,
  marker,
  OPTIONS,
  rejection,
  slowSql,
} from './contract-support.js';

export type { ContractCase, ContractFixture, ContractTarget } from './contract-support.js';

/** Registers the connector contract for one engine (STYLE.md principle 10). */
export function describeConnectorContract(target: ContractTarget): void {
  let fixture: ContractFixture;
  let connector: Connector;
  const skip = target.skip ?? {};
  const test = (name: ContractCase, body: () => Promise<void>, timeout?: number) => {
    const reason = skip[name];
    it.skipIf(reason !== undefined)(reason ? `${name} — skipped: ${reason}` : name, body, timeout);
  };
  const count = async () => (await connector.query('SELECT count(*) FROM numbers', OPTIONS)).rows[0]?.[0];

  describe(`${target.engine} connector contract`, () => {
    beforeAll(async () => {
      fixture = await target.setup();
      connector = await createConnector(fixture.config);
    });
    afterAll(async () => {
      await connector?.close();
      await target.teardown();
    });

    test('test() probes the server', async () => {
      const probe = await connector.test();
      expect(probe.serverVersion).toMatch(/\d/);
      expect(probe.latencyMs).toBeGreaterThanOrEqual(0);
    });

    test('type mapping of the fixture table', async () => {
      const result = await connector.query('SELECT * FROM type_samples ORDER BY id', OPTIONS);
      const names = result.columns.map((column) => column.name);
      const sampled = (Object.keys(SAMPLE_TYPES) as SampleColumn[]).filter((column) =>
        names.includes(column),
      );
      expect(names).toEqual(['id', ...sampled]);
      const expectedTypes: Record<string, LogicalType> = { id: 'integer', ...SAMPLE_TYPES };
      for (const column of result.columns) {
        expect(column.type, column.name).toBe(expectedTypes[column.name]);
        expect(column.nativeType, column.name).not.toBe('');
      }
      expect(result.rows).toHaveLength(2);
      const [full, empty] = result.rows;
      const expected: Record<string, unknown> = { ...TYPE_SAMPLE, ...target.sampleOverrides };
      names.forEach((name, index) => {
        const value = full?.[index];
        if (name === 'id') expect(value).toBe(1);
        else if (name === 'json_col') expect(JSON.parse(String(value))).toEqual(expected[name]);
        else expect(value, name).toStrictEqual(expected[name]);
      });
      expect(empty).toEqual([2, ...sampled.map(() => null)]);
      expect(result.truncated).toBe(false);
      expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    });

    test('header names and duplicate column names', async () => {
      const result = await connector.query(
        'SELECT n AS a, n * 2 AS a, n AS b FROM numbers WHERE n = 3',
        OPTIONS,
      );
      expect(result.columns.map((column) => column.name)).toEqual(['a', 'a', 'b']);
      expect(result.columns.map((column) => column.type)).toEqual(['integer', 'integer', 'integer']);
      expect(result.rows).toEqual([[3, 6, 3]]);
    });

    test('row cap sets truncated', async () => {
      const sql = 'SELECT n FROM numbers ORDER BY n';
      const capped = await connector.query(sql, { ...OPTIONS, maxRows: 10 });
      expect(capped.rows).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1]));
      expect(capped.truncated).toBe(true);
      const exact = await connector.query(sql, { ...OPTIONS, maxRows: NUMBER_COUNT });
      expect(exact.rows).toHaveLength(NUMBER_COUNT);
      expect(exact.truncated).toBe(false);
      const none = await connector.query(sql, { ...OPTIONS, maxRows: 0 });
      expect(none.columns.map((column) => column.name)).toEqual(['n']);
      expect(none.rows).toEqual([]);
      expect(none.truncated).toBe(true);
    });

    test('EXPLAIN runs unchanged under the row cap', async () => {
      // The SQL is never wrapped in SELECT * FROM (…) LIMIT, which EXPLAIN, SHOW and PRAGMA cannot take.
      const result = await connector.query('EXPLAIN SELECT n FROM numbers WHERE n > 5', {
        ...OPTIONS,
        maxRows: 1,
      });
      expect(result.columns.length).toBeGreaterThan(0);
      expect(result.rows).toHaveLength(1);
    });

    test('row cap stops a huge result early', async () => {
      // 10^9 rows: finishing at all proves the connector stopped reading after maxRows + 1.
      const mark = marker();
      const sql = `SELECT a.n AS ${mark} FROM numbers a, numbers b, numbers c`;
      const result = await connector.query(sql, { maxRows: 5, timeoutMs: 20_000 });
      expect(result.rows).toHaveLength(5);
      expect(result.truncated).toBe(true);
      await expectServerStopped(fixture, mark);
      expect(await count()).toBe(NUMBER_COUNT);
    });

    test('timeout stops the statement', async () => {
      const mark = marker();
      const started = Date.now();
      const error = await expectCode(
        connector.query(slowSql(mark), { maxRows: 10, timeoutMs: 500 }),
        'query_timeout',
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error.data?.sql).toBe(slowSql(mark));
      await expectServerStopped(fixture, mark);
      expect(await count()).toBe(NUMBER_COUNT);
    });

    test('abort stops the statement', async () => {
      const mark = marker();
      const controller = new AbortController();
      const started = Date.now();
      const running = connector.query(slowSql(mark), {
        maxRows: 10,
        timeoutMs: 20_000,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 300);
      await expectCode(running, 'query_aborted');
      expect(Date.now() - started).toBeLessThan(5_000);
      await expectServerStopped(fixture, mark);
      expect(await count()).toBe(NUMBER_COUNT);
    });

    test('an aborted signal never starts', async () => {
      const controller = new AbortController();
      controller.abort();
      await expectCode(
        connector.query('SELECT 1', { ...OPTIONS, signal: controller.signal }),
        'query_aborted',
      );
    });

    test('concurrent queries', async () => {
      const limits = [1, 5, 10, 50, 100, 500, 999, 1000];
      const results = await Promise.all(
        limits.map((limit) => connector.query(`SELECT count(*) FROM numbers WHERE n <= ${limit}`, OPTIONS)),
      );
      expect(results.map((result) => result.rows[0]?.[0])).toEqual(limits);
    });

    test('a fast query is not blocked by a slow one', async () => {
      const controller = new AbortController();
      const slow = connector.query(slowSql(marker()), {
        maxRows: 1,
        timeoutMs: 15_000,
        signal: controller.signal,
      });
      let slowSettled = false;
      slow.catch(() => {}).finally(() => (slowSettled = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const fast = await connector.query('SELECT count(*) FROM numbers WHERE n <= 7', OPTIONS);
      expect(fast.rows).toEqual([[7]]);
      expect(slowSettled).toBe(false);
      controller.abort();
      await expectCode(slow, 'query_aborted');
    });

    test('read-only gate refuses writes', async () => {
      for (const sql of [
        'DELETE FROM numbers',
        'CREATE TABLE ktx_evil (a INTEGER)',
        'SELECT 1; DELETE FROM numbers',
      ]) {
        await expectCode(connector.query(sql, OPTIONS), 'read_only_violation');
      }
      expect(await count()).toBe(NUMBER_COUNT);
    });

    test('the engine layer alone refuses writes', async () => {
      const ungated = await fixture.openWithoutGate();
      const writes = [
        'DELETE FROM numbers',
        'INSERT INTO numbers (n) VALUES (0)',
        'UPDATE numbers SET n = n + 1',
        'CREATE TABLE ktx_evil (a INTEGER)',
        'DROP TABLE numbers',
        'SELECT 1; DELETE FROM numbers',
        ...target.engineRefusals,
      ];
      try {
        for (const sql of writes) {
          const error = await rejection(ungated.query(sql, OPTIONS));
          // read_only_violation here comes from the engine itself (e.g. SQLite reports no result set).
          expect(['query_failed', 'read_only_violation'], `${sql}: ${error.message}`).toContain(error.code);
        }
        expect((await ungated.query('SELECT count(*) FROM numbers', OPTIONS)).rows).toEqual([[NUMBER_COUNT]]);
        await expectCode(ungated.query('SELECT count(*) FROM ktx_evil', OPTIONS), 'query_failed');
      } finally {
        await ungated.close();
      }
    });

    test('sql errors keep the engine message', async () => {
      const sql = 'SELECT no_such_column FROM numbers';
      const error = await expectCode(connector.query(sql, OPTIONS), 'query_failed');
      expect(error.message).toMatch(/no_such_column/i);
      expect(error.data?.sql).toBe(sql);
    });

    test('introspection shape', async () => {
      const { tables } = await connector.introspect({ schemas: [fixture.mainSchema] });
      const table = (name: string) => tables.find((each) => each.name === name) as IntrospectedTable;
      expect(tables.every((each) => each.schema === fixture.mainSchema)).toBe(true);
      const names = tables.map((each) => each.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'customers',
          'orders',
          'order_lines',
          'numbers',
          'type_samples',
          'big_orders',
        ]),
      );

      const customers = table('customers');
      expect(customers.kind).toBe('table');
      expect(customers.columns.map((c) => [c.name, c.ordinal, c.type, c.nullable])).toEqual([
        ['id', 1, 'integer', false],
        ['email', 2, 'text', false],
        ['name', 3, 'text', true],
      ]);
      expect(customers.primaryKey).toEqual(['id']);
      expect(customers.uniqueKeys).toContainEqual(['email']);
      expect(customers.foreignKeys).toEqual([]);
      const email = customers.columns[1];
      if (target.features.comments) {
        expect(customers.comment).toBe(CUSTOMERS_COMMENT);
        expect(email?.comment).toBe(EMAIL_COMMENT);
      } else {
        expect(customers.comment).toBeNull();
        expect(email?.comment).toBeNull();
      }

      expect(table('orders').foreignKeys).toEqual([
        {
          columns: ['customer_id'],
          referencedSchema: fixture.mainSchema,
          referencedTable: 'customers',
          referencedColumns: ['id'],
        },
      ]);
      const lines = table('order_lines');
      expect(lines.primaryKey).toEqual(['order_id', 'line_no']);
      expect(lines.foreignKeys.map((fk) => [fk.referencedTable, fk.columns, fk.referencedColumns])).toEqual([
        ['orders', ['order_id'], ['id']],
      ]);

      const view = table('big_orders');
      expect(view.kind).toBe('view');
      expect(view.columns.map((c) => c.name)).toEqual(['id', 'customer_id', 'amount']);
      expect(view.rowEstimate).toBeNull();
      expect(view.primaryKey).toEqual([]);

      const samples = table('type_samples');
      for (const column of samples.columns) {
        const expected = column.name === 'id' ? 'integer' : SAMPLE_TYPES[column.name as SampleColumn];
        expect(column.type, `${column.name} (${column.nativeType})`).toBe(expected);
      }

      const numbers = table('numbers');
      if (target.features.rowEstimates) expect(numbers.rowEstimate).toBeGreaterThan(0);
      else expect(numbers.rowEstimate).toBeNull();
    });

    test('introspection keeps same-named tables of two schemas apart', async () => {
      const other = fixture.otherSchema as string;
      const both = await connector.introspect();
      const customers = both.tables.filter((each) => each.name === 'customers');
      expect(customers.map((each) => each.schema).sort()).toEqual([fixture.mainSchema, other].sort());
      const inOther = customers.find((each) => each.schema === other);
      expect(inOther?.columns.map((c) => c.name)).toEqual(['id', 'region']);
      const onlyOther = await connector.introspect({ schemas: [other] });
      expect(onlyOther.tables.map((each) => `${each.schema}.${each.name}`)).toEqual([`${other}.customers`]);
    });

    test('introspection default scope excludes system schemas', async () => {
      const unscoped = await createConnector(fixture.unscopedConfig);
      try {
        const { tables } = await unscoped.introspect();
        const system = /^(pg_catalog|information_schema|pg_toast|mysql|performance_schema|sys)$/;
        expect(tables.filter((each) => system.test(each.schema))).toEqual([]);
        const mine = tables.filter((each) => each.schema === fixture.mainSchema).map((each) => each.name);
        expect(mine).toEqual(expect.arrayContaining(['customers', 'numbers', 'big_orders']));
      } finally {
        await unscoped.close();
      }
    });

    for (const kind of ['wrong port', 'wrong password', 'missing database', 'missing file'] as const) {
      test(`connection failure: ${kind}`, async () => {
        const failure = fixture.failures[kind];
        expect(
          failure,
          `the ${target.engine} fixture must provide "${kind}" or skip it with a reason`,
        ).toBeDefined();
        if (!failure) return;
        const failing = await createConnector(failure.config);
        try {
          const error = await expectCode(failing.test(), 'connection_failed');
          expect(error.message.length).toBeGreaterThan(20);
          expect(error.fix).toBeTruthy();
          const shown = JSON.stringify(error.toJSON()) + error.message;
          if (failure.secret) expect(shown).not.toContain(failure.secret);
          await expectCode(failing.query('SELECT 1', OPTIONS), 'connection_failed');
        } finally {
          await failing.close();
        }
      });
    }

    test('close is idempotent', async () => {
      const own = await createConnector(fixture.config);
      expect((await own.query('SELECT count(*) FROM numbers', OPTIONS)).rows).toEqual([[NUMBER_COUNT]]);
      await own.close();
      await own.close();
      await expect(own.query('SELECT 1', OPTIONS)).rejects.toSatisfy(isKtxError);
    });
  });
}
