import { existsSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { isKtxError } from '../../core/index.js';
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
import { connectionFailed, messageOf } from '../shared/connection-failed.js';
import { type EngineOptions, gateOf, type StatementGate } from '../shared/engine-options.js';
import { connectorClosed, notAQuery, queryFailed } from '../shared/query-errors.js';
import {
  CATALOG_TIMEOUT_MS,
  capRows,
  checkQueryOptions,
  FILE_PROBE_TIMEOUT_MS,
} from '../shared/query-options.js';
import { runStatement, type StatementControl } from '../shared/statement-control.js';
import { introspectDuckDb } from './duckdb-introspect.js';
import { streamRows } from './duckdb-stream.js';

/** How often a stopped statement is interrupted again until it settles. */
const INTERRUPT_REPEAT_MS = 50;

type DuckDbConfig = Extract<ConnectorConfig, { driver: 'duckdb' }>;

/**
 * The instance settings that make a DuckDB file read-only for everything a query can reach.
 * @see https://duckdb.org/docs/stable/configuration/overview#configuration-reference
 * @see https://duckdb.org/docs/stable/operations_manual/securing_duckdb/overview
 */
const READ_ONLY_OPTIONS: Record<string, string> = {
  access_mode: 'READ_ONLY', // the database file is attached read-only
  enable_external_access: 'false', // no other files, URLs, ATTACH, COPY, read_csv or extension installs
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  lock_configuration: 'true', // a query cannot SET any of the above back
};

export async function openDuckDbConnector(
  config: DuckDbConfig,
  options: EngineOptions = {},
): Promise<Connector> {
  return new DuckDbConnector(config, options);
}

/** One read-only DuckDB instance per connector; each statement gets its own connection to interrupt. */
class DuckDbConnector implements Connector {
  readonly driver = 'duckdb';
  readonly dialect = 'duckdb';
  readonly id: string;
  readonly #gate: StatementGate;
  readonly #config: DuckDbConfig;
  readonly #open = new Set<DuckDBConnection>();
  readonly #inflight = new Set<Promise<void>>();
  #instance: Promise<DuckDBInstance> | undefined;
  #closed = false;

  constructor(config: DuckDbConfig, options: EngineOptions) {
    this.#gate = gateOf(options);
    this.id = config.id;
    this.#config = config;
  }

  async test(signal?: AbortSignal): Promise<ConnectionProbe> {
    const started = performance.now();
    const sql = 'SELECT version()';
    const version = await runStatement(sql, { timeoutMs: FILE_PROBE_TIMEOUT_MS, signal }, (control) =>
      this.#withConnection(sql, control, async (connection) => (await connection.run(sql)).getRowsJson()),
    );
    return { serverVersion: `DuckDB ${String(version[0]?.[0])}`, latencyMs: performance.now() - started };
  }

  async query(sql: string, options: QueryOptions): Promise<QueryResult> {
    checkQueryOptions(options);
    this.#gate(sql, this.dialect, { timeoutMs: options.timeoutMs });
    const started = performance.now();
    const { columns, rows } = await runStatement(sql, options, (control) =>
      this.#withConnection(sql, control, async (connection) => {
        // The gate already allows one statement only; DuckDB's own parser confirms it before anything runs.
        // Every await hands the statement to a DuckDB task that clears an earlier interrupt() when it
        // starts, so the timeout/abort is checked again after each one.
        const statements = await connection.extractStatements(sql);
        control.throwIfStopped();
        if (statements.count !== 1) throw notAQuery(sql, `DuckDB parsed ${statements.count} statements`);
        const prepared = await statements.prepare(0);
        control.throwIfStopped();
        const result = await prepared.stream();
        control.throwIfStopped();
        return streamRows(result, options.maxRows + 1, () => control.throwIfStopped());
      }),
    );
    const capped = capRows(rows, options.maxRows);
    return {
      columns,
      rows: capped.rows,
      truncated: capped.truncated,
      elapsedMs: performance.now() - started,
    };
  }

  async introspect(options: IntrospectOptions = {}): Promise<IntrospectedSchema> {
    const scope = schemaScope(options.schemas, this.#config.schemas);
    const sql = '-- DuckDB catalog (introspect)';
    return runStatement(sql, { timeoutMs: CATALOG_TIMEOUT_MS, signal: options.signal }, (control) =>
      this.#withConnection(sql, control, (connection) => introspectDuckDb(connection, scope)),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // closeSync() on a connection whose statement still runs deadlocks inside DuckDB, so running
    // statements are interrupted (again and again, see #interruptUntilSettled) and awaited; each one
    // closes its own connection in #withConnection, and the instance goes last.
    for (const connection of this.#open) connection.interrupt();
    const settled = Promise.allSettled([...this.#inflight]);
    const repeat = setInterval(() => {
      for (const connection of this.#open) connection.interrupt();
    }, INTERRUPT_REPEAT_MS);
    try {
      await settled;
    } finally {
      clearInterval(repeat);
    }
    const instance = await this.#instance?.catch(() => undefined);
    instance?.closeSync();
  }

  #withConnection<T>(
    sql: string,
    control: StatementControl,
    body: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    if (this.#closed) return Promise.reject(connectorClosed(this.id));
    const running = this.#runOnConnection(sql, control, body);
    // close() waits for every statement (and its connection's own close) before closing the instance.
    const tracked = running.then(
      () => undefined,
      () => undefined,
    );
    this.#inflight.add(tracked);
    void tracked.then(() => this.#inflight.delete(tracked));
    return running;
  }

  async #runOnConnection<T>(
    sql: string,
    control: StatementControl,
    body: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    const instance = await this.#instanceOnce();
    if (this.#closed) throw connectorClosed(this.id);
    control.throwIfStopped();
    const connection = await instance.connect();
    this.#open.add(connection);
    let repeat: ReturnType<typeof setInterval> | undefined;
    let settled = false;
    // DuckDB has no statement timeout: interrupt() stops the running statement from outside. A task
    // that starts after interrupt() clears it, so the interrupt repeats until the statement settles.
    // @see https://duckdb.org/docs/stable/clients/c/api#duckdb_interrupt
    control.onStop(() => {
      if (settled) return; // a stop registered after the fact runs asynchronously
      connection.interrupt();
      repeat ??= setInterval(() => connection.interrupt(), INTERRUPT_REPEAT_MS);
      repeat.unref(); // the running statement itself keeps the process alive, not this helper
    });
    try {
      control.throwIfStopped();
      await this.#applySearchPath(connection);
      control.throwIfStopped();
      return await body(connection);
    } catch (error) {
      if (isKtxError(error)) throw error;
      throw queryFailed(messageOf(error), sql, error);
    } finally {
      settled = true;
      if (repeat) clearInterval(repeat);
      this.#open.delete(connection);
      connection.closeSync();
    }
  }

  /** Unqualified names resolve in the configured schemas first (search_path is exempt from the lock). */
  async #applySearchPath(connection: DuckDBConnection): Promise<void> {
    const schemas = this.#config.schemas ?? [];
    if (schemas.length === 0) return;
    const path = schemas.map((schema) => `"${schema.replaceAll('"', '""')}"`).join(',');
    await connection.run(`SET search_path = '${path.replaceAll("'", "''")}'`);
  }

  #instanceOnce(): Promise<DuckDBInstance> {
    this.#instance ??= DuckDBInstance.create(this.#config.path, READ_ONLY_OPTIONS).catch((error: unknown) => {
      this.#instance = undefined; // let the next call retry (the file may appear or be unlocked)
      throw this.#openFailed(error);
    });
    return this.#instance;
  }

  #openFailed(error: unknown) {
    const path = this.#config.path;
    const message = messageOf(error);
    const missing = !existsSync(path);
    const locked = /lock/i.test(message);
    return connectionFailed({
      target: `DuckDB file ${path}`,
      problem: missing ? 'the file does not exist.' : message,
      fix: missing
        ? 'Check the path in ktx.yaml (relative paths start at the project directory); ktx never creates database files.'
        : locked
          ? 'Another process has the file open for writing; DuckDB allows one writer or many readers, so close it first.'
          : 'Check that the file is a DuckDB database of a compatible version and that ktx may read it.',
      cause: error,
    });
  }
}
