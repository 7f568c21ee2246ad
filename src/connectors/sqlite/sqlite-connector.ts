import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { KtxError } from '../../core/index.js';
import { getDialect } from '../../sql/index.js';
import type {
  ConnectionProbe,
  Connector,
  ConnectorConfig,
  IntrospectedSchema,
  IntrospectOptions,
  QueryOptions,
  QueryResult,
  ResultColumn,
} from '../port.js';
import { schemaScope } from '../shared/catalog-builder.js';
import { connectionFailed } from '../shared/connection-failed.js';
import { type EngineOptions, gateOf, type StatementGate } from '../shared/engine-options.js';
import { connectorClosed, notAQuery, queryFailed } from '../shared/query-errors.js';
import { CATALOG_TIMEOUT_MS, checkQueryOptions, FILE_PROBE_TIMEOUT_MS } from '../shared/query-options.js';
import { runStatement, type StatementControl } from '../shared/statement-control.js';
import { introspectSqlite } from './sqlite-introspect.js';
import {
  type SqliteJob,
  SqliteJobError,
  type SqliteJobResult,
  SqliteProcessPool,
} from './sqlite-process-pool.js';
import { sqliteCell, sqliteLogicalType, storageClassOf } from './sqlite-types.js';

type SqliteConfig = Extract<ConnectorConfig, { driver: 'sqlite' }>;

export async function openSqliteConnector(
  config: SqliteConfig,
  options: EngineOptions = {},
): Promise<Connector> {
  return new SqliteConnector(config, options);
}

/**
 * A SQLite file opened read-only (`readonly` + `fileMustExist`) in a small pool of child processes, so
 * that a timed-out or aborted statement can really be stopped (see sqlite-worker.js).
 */
class SqliteConnector implements Connector {
  readonly driver = 'sqlite';
  readonly dialect = 'sqlite';
  readonly id: string;
  readonly #gate: StatementGate;
  readonly #path: string;
  readonly #pool: SqliteProcessPool;
  #closed = false;

  constructor(config: SqliteConfig, options: EngineOptions) {
    this.#gate = gateOf(options);
    this.id = config.id;
    this.#path = config.path;
    this.#pool = new SqliteProcessPool(
      config.path,
      config.poolSize ?? Math.min(4, Math.max(2, availableParallelism())),
      // The worker enforces the same read-only PRAGMA list as the gate, so the layers cannot drift.
      getDialect('sqlite').readOnly.pragmas,
    );
  }

  async test(signal?: AbortSignal): Promise<ConnectionProbe> {
    const started = performance.now();
    const sql = 'SELECT sqlite_version()';
    const result = await this.#run(sql, { maxRows: 1, timeoutMs: FILE_PROBE_TIMEOUT_MS, signal });
    return { serverVersion: `SQLite ${String(result.rows[0]?.[0])}`, latencyMs: performance.now() - started };
  }

  async query(sql: string, options: QueryOptions): Promise<QueryResult> {
    checkQueryOptions(options);
    this.#gate(sql, this.dialect, { timeoutMs: options.timeoutMs });
    const started = performance.now();
    const result = await this.#run(sql, options);
    if (result.notReader)
      throw notAQuery(sql, result.reason ?? 'SQLite reports that this statement returns no rows');
    // The child already stopped after maxRows rows (reading one more to set `truncated`).
    const columns = resultColumns(result);
    return {
      columns,
      rows: result.rows.map((row) =>
        row.map((value, index) => sqliteCell(value, columns[index]?.type ?? 'unknown')),
      ),
      truncated: result.truncated,
      elapsedMs: performance.now() - started,
    };
  }

  async introspect(options: IntrospectOptions = {}): Promise<IntrospectedSchema> {
    const scope = schemaScope(options.schemas, undefined);
    return runStatement(
      '-- SQLite catalog (introspect)',
      { timeoutMs: CATALOG_TIMEOUT_MS, signal: options.signal },
      (control) =>
        introspectSqlite(
          async (catalogSql) => (await this.#job({ sql: catalogSql, maxRows: null }, control)).rows,
          scope,
        ),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.close();
  }

  #run(
    sql: string,
    options: Pick<QueryOptions, 'maxRows' | 'timeoutMs' | 'signal'>,
  ): Promise<SqliteJobResult> {
    return runStatement(sql, options, (control) => this.#job({ sql, maxRows: options.maxRows }, control));
  }

  async #job(job: SqliteJob, control: StatementControl): Promise<SqliteJobResult> {
    if (this.#closed) throw connectorClosed(this.id);
    try {
      return await this.#pool.run(job, control);
    } catch (error) {
      throw this.#mapError(error, job.sql);
    }
  }

  #mapError(error: unknown, sql: string): KtxError {
    if (!(error instanceof SqliteJobError)) return queryFailed(String(error), sql, error);
    if (
      error.stage === 'open' ||
      error.sqliteCode === 'SQLITE_NOTADB' ||
      error.sqliteCode === 'SQLITE_CANTOPEN'
    ) {
      const missing = !existsSync(this.#path);
      return connectionFailed({
        target: `SQLite file ${this.#path}`,
        problem: missing ? 'the file does not exist.' : `${error.message}.`,
        fix: missing
          ? 'Check the path in ktx.yaml (relative paths start at the project directory); ktx never creates database files.'
          : 'Check that the file is a SQLite database and that ktx may read it.',
        cause: error,
      });
    }
    return queryFailed(error.message, sql, error, { engineCode: error.sqliteCode });
  }
}

/** Declared types where SQLite has them, the first value's storage class for expressions. */
function resultColumns(result: SqliteJobResult): ResultColumn[] {
  return result.columns.map(({ name, declaredType }, index) => {
    if (declaredType) return { name, nativeType: declaredType, type: sqliteLogicalType(declaredType) };
    const sample = result.rows.find((row) => row[index] !== null)?.[index] ?? null;
    return { name, ...storageClassOf(sample) };
  });
}
