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
        const statements = await connection.extractStatements(sql);
        if (statements.count !== 1) throw notAQuery(sql, `DuckDB parsed ${statements.count} statements`);
        const result = await (await statements.prepare(0)).stream();
        return streamRows(result, options.maxRows + 1);
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
    for (const connection of this.#open) connection.interrupt();
    const instance = await this.#instance?.catch(() => undefined);
    for (const connection of this.#open) connection.closeSync();
    this.#open.clear();
    instance?.closeSync();
  }

  async #withConnection<T>(
    sql: string,
    control: StatementControl,
    body: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    if (this.#closed) throw connectorClosed(this.id);
    const instance = await this.#instanceOnce();
    control.throwIfStopped();
    const connection = await instance.connect();
    this.#open.add(connection);
    // DuckDB has no statement timeout: interrupt() stops the running statement from outside.
    // @see https://duckdb.org/docs/stable/clients/c/api#duckdb_interrupt
    control.onStop(() => connection.interrupt());
    try {
      await this.#applySearchPath(connection);
      return await body(connection);
    } catch (error) {
      if (isKtxError(error)) throw error;
      throw queryFailed(messageOf(error), sql, error);
    } finally {
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
