import { expect } from 'vitest';
import type { Connector, ConnectorConfig, QueryOptions } from '../../src/connectors/index.js';
import { type ErrorCode, isKtxError, type KtxError } from '../../src/core/index.js';
import type { SampleColumn } from './connector-fixture.js';

/** Every case of the connector contract; an engine skips one only by naming it with a reason. */
export const CONTRACT_CASES = [
  'test() probes the server',
  'type mapping of the fixture table',
  'header names and duplicate column names',
  'row cap sets truncated',
  'EXPLAIN runs unchanged under the row cap',
  'row cap stops a huge result early',
  'timeout stops the statement',
  'abort stops the statement',
  'an aborted signal never starts',
  'concurrent queries',
  'a fast query is not blocked by a slow one',
  'read-only gate refuses writes',
  'the engine layer alone refuses writes',
  'sql errors keep the engine message',
  'introspection shape',
  'introspection keeps same-named tables of two schemas apart',
  'introspection default scope excludes system schemas',
  'connection failure: wrong port',
  'connection failure: wrong password',
  'connection failure: missing database',
  'connection failure: missing file',
  'close is idempotent',
] as const;

export type ContractCase = (typeof CONTRACT_CASES)[number];
export type FailureKind = 'wrong port' | 'wrong password' | 'missing database' | 'missing file';

export interface ContractFixture {
  /** The connection under test, scoped to the main (and other) schema where the engine has schemas. */
  config: ConnectorConfig;
  /** The same connection without configured schemas. */
  unscopedConfig: ConnectorConfig;
  mainSchema: string;
  /** A second schema holding its own `customers` table; absent where the engine has no schemas. */
  otherSchema?: string;
  /** Configs that must fail to connect; `secret` must never appear in the error. */
  failures: Partial<Record<FailureKind, { config: ConnectorConfig; secret?: string }>>;
  /**
   * Opens `config` with the read-only gate switched off (EngineOptions.gate), to prove that the
   * engine's own read-only session refuses writes by itself.
   */
  openWithoutGate(): Promise<Connector>;
  /**
   * Statements still running whose text contains `marker`: the server's process list, or for an
   * embedded engine (no process list) how many of its statements are still burning CPU.
   */
  runningStatements(marker: string): Promise<number>;
}

export interface ContractTarget {
  engine: string;
  setup(): Promise<ContractFixture>;
  teardown(): Promise<void>;
  features: {
    /** Table and column comments exist in the engine. */
    comments: boolean;
    /** The catalog keeps a free row estimate (after the fixture's ANALYZE, where one is needed). */
    rowEstimates: boolean;
  };
  /** Sample values this engine stores differently, with the reason in a comment at the call site. */
  sampleOverrides?: Partial<Record<SampleColumn, unknown>>;
  /** Engine-specific writes disguised as queries (nextval, data-modifying CTEs, writing functions). */
  engineRefusals: string[];
  skip?: Partial<Record<ContractCase, string>>;
}

export const OPTIONS: QueryOptions = { maxRows: 100, timeoutMs: 20_000 };

// A heavy computation rather than SLEEP or an endless recursive CTE, which the gate refuses: a 4-way
// cross join of 1000 rows is 10^12 combinations, far beyond any test timeout on every engine.
export const slowSql = (marker: string) =>
  `SELECT sum(a.n * b.n - c.n + d.n) AS ${marker} FROM numbers a, numbers b, numbers c, numbers d`;

export async function rejection(promise: Promise<unknown>): Promise<KtxError> {
  try {
    await promise;
  } catch (error) {
    if (isKtxError(error)) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with a KtxError');
}

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<KtxError> {
  const error = await rejection(promise);
  expect(error.code, error.message).toBe(code);
  return error;
}

export function marker(): string {
  return `ktx_marker_${Math.random().toString(36).slice(2, 10)}`;
}

/** Polls until the server runs no statement containing `mark` (proves the stop reached the server). */
export async function expectServerStopped(fixture: ContractFixture, mark: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let running = await fixture.runningStatements(mark);
  while (running > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    running = await fixture.runningStatements(mark);
  }
  expect(running, `statements containing ${mark} still running on the server`).toBe(0);
}
