import pg, { type FieldDef, type PoolClient } from 'pg';
import Cursor from 'pg-cursor';
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
import { connectorClosed } from '../shared/query-errors.js';
import {
  CATALOG_TIMEOUT_MS,
  capRows,
  checkQueryOptions,
  SERVER_PROBE_TIMEOUT_MS,
} from '../shared/query-options.js';
import { runStatement, type StatementControl } from '../shared/statement-control.js';
import { postgresConnectFailed, postgresQueryFailed } from './postgres-errors.js';
import { introspectPostgres } from './postgres-introspect.js';
import { type PostgresTarget, postgresPoolConfig, RAW_TEXT_TYPES } from './postgres-pool-config.js';
import { PostgresTypeCatalog, postgresCell } from './postgres-types.js';

type PostgresConfig = Extract<ConnectorConfig, { driver: 'postgres' }>;

export async function openPostgresConnector(
  config: PostgresConfig,
  options: EngineOptions = {},
): Promise<Connector> {
  return new PostgresConnector(config, options);
}

/**
 * A pg pool whose sessions start read-only; every statement runs in its own `BEGIN READ ONLY` with
 * `SET LOCAL statement_timeout`, is read through a cursor (at most maxRows + 1 rows), and is rolled back.
 */
class PostgresConnector implements Connector {
  readonly driver = 'postgres';
  readonly dialect = 'postgres';
  readonly id: string;
  readonly #gate: StatementGate;
  readonly #config: PostgresConfig;
  readonly #target: PostgresTarget;
  readonly #pool: pg.Pool;
  readonly #types = new PostgresTypeCatalog();
  readonly #backendPids = new WeakMap<PoolClient, number>();
  #closed = false;

  constructor(config: PostgresConfig, options: EngineOptions) {
    this.#gate = gateOf(options);
    this.id = config.id;
    this.#config = config;
    this.#target = postgresPoolConfig(config.url, config.schemas, config.maxConnections ?? 10);
    this.#pool = new pg.Pool(this.#target.pool);
    // An idle pooled connection that drops (server restart) is simply discarded; the next query reconnects.
    this.#pool.on('error', () => {});
  }

  async test(signal?: AbortSignal): Promise<ConnectionProbe> {
    const started = performance.now();
    const sql = "SELECT current_setting('server_version')";
    const version = await runStatement(sql, { timeoutMs: SERVER_PROBE_TIMEOUT_MS, signal }, (control) =>
      this.#readOnly(sql, SERVER_PROBE_TIMEOUT_MS, control, async (client) => {
        const { rows } = await client.query<string[]>({ text: sql, rowMode: 'array' });
        return rows[0]?.[0] ?? 'unknown';
      }),
    );
    return { serverVersion: `PostgreSQL ${version}`, latencyMs: performance.now() - started };
  }

  async query(sql: string, options: QueryOptions): Promise<QueryResult> {
    checkQueryOptions(options);
    this.#gate(sql, this.dialect, { timeoutMs: options.timeoutMs });
    const started = performance.now();
    const { columns, rows } = await runStatement(sql, options, (control) =>
      this.#readOnly(sql, options.timeoutMs, control, async (client) => {
        const read = await readCursor(client, sql, options.maxRows + 1);
        control.throwIfStopped();
        return { columns: await this.#types.columns(client, read.fields), rows: read.rows };
      }),
    );
    const capped = capRows(rows, options.maxRows);
    return {
      columns,
      rows: capped.rows.map((row) =>
        row.map((text, index) => postgresCell(text, columns[index]?.type ?? 'unknown')),
      ),
      truncated: capped.truncated,
      elapsedMs: performance.now() - started,
    };
  }

  async introspect(options: IntrospectOptions = {}): Promise<IntrospectedSchema> {
    const scope = schemaScope(options.schemas, this.#config.schemas);
    const sql = '-- PostgreSQL catalog (introspect)';
    return runStatement(sql, { timeoutMs: CATALOG_TIMEOUT_MS, signal: options.signal }, (control) =>
      this.#readOnly(sql, CATALOG_TIMEOUT_MS, control, (client) => introspectPostgres(client, scope)),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  /** Runs `body` in a read-only transaction with a server-side timeout, then rolls back and releases. */
  async #readOnly<T>(
    sql: string,
    timeoutMs: number,
    control: StatementControl,
    body: (client: PoolClient) => Promise<T>,
  ): Promise<T> {
    if (this.#closed) throw connectorClosed(this.id);
    const client = await this.#pool.connect().catch((error: unknown) => {
      throw postgresConnectFailed(error, this.#target);
    });
    // The session can drop while checked out (pg_terminate_backend, failover): pg then emits 'error' on
    // the client, which must be listened to for the whole checkout or it would crash the process.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on('error', onError);
    let finished = false;
    let cancelling: Promise<void> | undefined;
    try {
      const pid = await this.#backendPid(client);
      control.throwIfStopped();
      // Once the statement has settled a stop is a no-op, and the client stays checked out until a
      // cancel in flight is done, so a late cancel can never hit another caller's statement.
      control.onStop(() => {
        if (finished || cancelling) return cancelling;
        cancelling = this.#cancelBackend(pid).catch(() => {});
        return cancelling;
      });
      // @see https://www.postgresql.org/docs/current/sql-set-transaction.html
      await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.ceil(timeoutMs)}`);
      control.throwIfStopped();
      return await body(client);
    } catch (error) {
      throw postgresQueryFailed(broken ?? error, sql, timeoutMs, this.#target);
    } finally {
      finished = true;
      await cancelling;
      if (!broken) {
        await client.query('ROLLBACK').catch((error: Error) => {
          broken ??= error;
        });
      }
      // A dropped client may still report errors while the pool ends it, so it keeps its listener.
      if (!broken) client.removeListener('error', onError);
      // A connection that dropped or cannot roll back is destroyed rather than handed to the next caller.
      client.release(broken);
    }
  }

  async #backendPid(client: PoolClient): Promise<number> {
    const known = this.#backendPids.get(client);
    if (known !== undefined) return known;
    const { rows } = await client.query<string[]>({ text: 'SELECT pg_backend_pid()', rowMode: 'array' });
    const pid = Number(rows[0]?.[0]);
    this.#backendPids.set(client, pid);
    return pid;
  }

  /**
   * Cancels the backend's running statement from a separate short-lived connection, so a full pool
   * cannot delay it. The statement then fails with 57014 and the transaction rolls back.
   * @see https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-SIGNAL
   */
  async #cancelBackend(pid: number): Promise<void> {
    const { max: _max, idleTimeoutMillis: _idle, ...single } = this.#target.pool;
    const canceller = new pg.Client(single);
    try {
      await canceller.connect();
      await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } finally {
      await canceller.end().catch(() => {});
    }
  }
}

/** Reads up to `limit` rows through a cursor (a portal fetch), so the server produces no more than that. */
function readCursor(
  client: PoolClient,
  sql: string,
  limit: number,
): Promise<{ fields: FieldDef[]; rows: Array<Array<string | null>> }> {
  const cursor = client.query(
    new Cursor<Array<string | null>>(sql, undefined, { rowMode: 'array', types: RAW_TEXT_TYPES }),
  );
  return new Promise((resolve, reject) => {
    cursor.read(limit, (error, rows, result) => {
      // After an error the driver has already synced the protocol; close() is only for a live portal.
      if (error) reject(error);
      else cursor.close().then(() => resolve({ fields: result.fields, rows }), reject);
    });
  });
}
