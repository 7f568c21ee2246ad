import mysql, { type Pool, type PoolConnection } from 'mysql2';
import type {
  ConnectionProbe,
  Connector,
  ConnectorConfig,
  IntrospectedSchema,
  IntrospectOptions,
  QueryOptions,
  QueryResult,
} from '../port.js';
import { schemaScope } from '../shared/catalog-builder.js';
import { type EngineOptions, gateOf, type StatementGate } from '../shared/engine-options.js';
import { connectorClosed, notAQuery } from '../shared/query-errors.js';
import {
  CATALOG_TIMEOUT_MS,
  capRows,
  checkQueryOptions,
  SERVER_PROBE_TIMEOUT_MS,
} from '../shared/query-options.js';
import { runStatement, type StatementControl } from '../shared/statement-control.js';
import { mysqlConnectFailed, mysqlQueryFailed } from './mysql-errors.js';
import { introspectMysql } from './mysql-introspect.js';
import { type MysqlTarget, mysqlPoolOptions } from './mysql-options.js';
import { allRows, type MysqlLease, markLost, streamRows } from './mysql-query.js';
import { type MysqlFlavor, MysqlSessions } from './mysql-session.js';
import { mysqlCell } from './mysql-types.js';

type MysqlConfig = Extract<ConnectorConfig, { driver: 'mysql' }>;

export async function openMysqlConnector(
  config: MysqlConfig,
  options: EngineOptions = {},
): Promise<Connector> {
  return new MysqlConnector(config, options);
}

/**
 * A mysql2 pool (MySQL and MariaDB) whose sessions are read-only and UTC; every statement runs in
 * `START TRANSACTION READ ONLY` under the session statement timeout, is streamed up to maxRows + 1 rows,
 * and is rolled back. A stopped statement is ended with KILL QUERY from a separate connection.
 */
class MysqlConnector implements Connector {
  readonly driver = 'mysql';
  readonly dialect = 'mysql';
  readonly id: string;
  readonly #gate: StatementGate;
  readonly #config: MysqlConfig;
  readonly #target: MysqlTarget;
  readonly #pool: Pool;
  readonly #sessions = new MysqlSessions();
  #closed = false;

  constructor(config: MysqlConfig, options: EngineOptions) {
    this.#gate = gateOf(options);
    this.id = config.id;
    this.#config = config;
    this.#target = mysqlPoolOptions(config.url, config.maxConnections ?? 10);
    this.#pool = mysql.createPool(this.#target.pool);
  }

  async test(signal?: AbortSignal): Promise<ConnectionProbe> {
    const started = performance.now();
    const sql = 'SELECT VERSION()';
    const version = await runStatement(sql, { timeoutMs: SERVER_PROBE_TIMEOUT_MS, signal }, (control) =>
      this.#readOnly(sql, SERVER_PROBE_TIMEOUT_MS, control, async (lease) =>
        String((await allRows(lease, sql))[0]?.[0]),
      ),
    );
    const serverVersion = /mariadb/i.test(version) ? `MariaDB ${version}` : `MySQL ${version}`;
    return { serverVersion, latencyMs: performance.now() - started };
  }

  async query(sql: string, options: QueryOptions): Promise<QueryResult> {
    checkQueryOptions(options);
    this.#gate(sql, this.dialect, { timeoutMs: options.timeoutMs });
    const started = performance.now();
    const read = await runStatement(sql, options, (control) =>
      this.#readOnly(sql, options.timeoutMs, control, async (lease) => {
        const read = await streamRows(lease, sql, options.maxRows + 1);
        // The statement ran and may have changed the session (SET SESSION TRANSACTION READ WRITE):
        // its connection is discarded, never handed to the next caller.
        if (read.notQuery) markLost(lease);
        return read;
      }),
    );
    if (read.notQuery) {
      throw notAQuery(
        sql,
        'the statement is not a query: the server answered without a result set, so it may have run (its session was discarded)',
      );
    }
    const { columns } = read;
    const capped = capRows(read.rows, options.maxRows);
    return {
      columns,
      rows: capped.rows.map((row) =>
        row.map((raw, index) => mysqlCell(raw, columns[index]?.type ?? 'unknown')),
      ),
      truncated: capped.truncated,
      elapsedMs: performance.now() - started,
    };
  }

  async introspect(options: IntrospectOptions = {}): Promise<IntrospectedSchema> {
    const scope = schemaScope(options.schemas, this.#config.schemas);
    const sql = '-- MySQL catalog (introspect)';
    return runStatement(sql, { timeoutMs: CATALOG_TIMEOUT_MS, signal: options.signal }, (control) =>
      this.#readOnly(sql, CATALOG_TIMEOUT_MS, control, (lease, flavor) =>
        introspectMysql((catalogSql, values) => allRows(lease, catalogSql, values), scope, flavor),
      ),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await new Promise<void>((resolve) => this.#pool.end(() => resolve()));
  }

  async #readOnly<T>(
    sql: string,
    timeoutMs: number,
    control: StatementControl,
    body: (lease: MysqlLease, flavor: MysqlFlavor) => Promise<T>,
  ): Promise<T> {
    if (this.#closed) throw connectorClosed(this.id);
    const connection = await this.#connect();
    let finished = false;
    let killing: Promise<void> | undefined;
    // Once the statement has settled a stop is a no-op; a kill in flight is awaited before the
    // connection is rolled back and released, so it can never hit another caller's statement.
    const kill = () => {
      if (finished) return killing;
      killing ??= this.#killQuery(connection.threadId).catch(() => {});
      return killing;
    };
    const lease: MysqlLease = { connection, destroyed: false, onEarlyStop: kill };
    try {
      const { flavor } = await this.#sessions.prepare(lease, timeoutMs);
      control.throwIfStopped();
      control.onStop(kill);
      // @see https://dev.mysql.com/doc/refman/8.4/en/commit.html
      await allRows(lease, 'START TRANSACTION READ ONLY');
      control.throwIfStopped();
      return await body(lease, flavor);
    } catch (error) {
      throw mysqlQueryFailed(error, sql, timeoutMs, this.#target);
    } finally {
      finished = true;
      await killing;
      if (!lease.destroyed) {
        // A connection that cannot roll back is destroyed rather than handed to the next caller.
        await allRows(lease, 'ROLLBACK').then(
          () => connection.release(),
          () => markLost(lease),
        );
      }
    }
  }

  #connect(): Promise<PoolConnection> {
    return new Promise((resolve, reject) =>
      this.#pool.getConnection((error, connection) =>
        error ? reject(mysqlConnectFailed(error, this.#target)) : resolve(connection),
      ),
    );
  }

  /**
   * Ends the running statement from a separate one-off connection (a full pool cannot delay it); the
   * statement then fails with ER_QUERY_INTERRUPTED and the transaction rolls back.
   * @see https://dev.mysql.com/doc/refman/8.4/en/kill.html
   */
  #killQuery(threadId: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const killer = mysql.createConnection(this.#target.connection);
      killer.on('error', () => {}); // a failure is reported through the query callback below
      killer.query(`KILL QUERY ${Number(threadId)}`, (error) => {
        killer.end(() => (error ? reject(error) : resolve()));
      });
    });
  }
}
