import type { Connector } from '../../connectors/port.js';
import { toKtxError } from '../../core/index.js';
import type { ColumnsRef } from './relationship.js';
import { containmentSql, keyCheckSql } from './validation-queries.js';

export interface KeyCheck {
  totalRows: number;
  keyedRows: number;
  distinctKeys: number;
}

export interface Containment {
  sourceDistinct: number;
  matched: number;
}

/**
 * Runs the read-only validation queries for one scan: a shared query budget (every statement
 * counts, key checks included), key checks cached per column set, failures counted and reported
 * as `undefined` so the caller keeps the candidate for review.
 */
export class Validator {
  queries = 0;
  failed = 0;
  readonly #keyChecks = new Map<string, Promise<KeyCheck | undefined>>();

  constructor(
    private readonly connector: Connector,
    readonly budget: number,
    private readonly timeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {}

  get exhausted(): boolean {
    return this.queries >= this.budget;
  }

  async #run(sql: string): Promise<(string | number | boolean | null)[] | undefined> {
    this.queries += 1;
    try {
      const result = await this.connector.query(sql, {
        maxRows: 1,
        timeoutMs: this.timeoutMs,
        ...(this.signal ? { signal: this.signal } : {}),
      });
      return result.rows[0];
    } catch (error) {
      if (this.signal?.aborted) throw error;
      this.failed += 1;
      this.lastError = toKtxError(error).message;
      return undefined;
    }
  }

  lastError: string | undefined;

  keyCheck(ref: ColumnsRef): Promise<KeyCheck | undefined> {
    const id = `${ref.schema}.${ref.table}(${ref.columns.join(',')})`;
    let pending = this.#keyChecks.get(id);
    if (!pending) {
      pending = this.#run(keyCheckSql(this.connector.dialect, ref)).then((row) =>
        row
          ? {
              totalRows: Number(row[0] ?? 0),
              keyedRows: Number(row[1] ?? 0),
              distinctKeys: Number(row[2] ?? 0),
            }
          : undefined,
      );
      this.#keyChecks.set(id, pending);
    }
    return pending;
  }

  hasKeyCheck(ref: ColumnsRef): boolean {
    return this.#keyChecks.has(`${ref.schema}.${ref.table}(${ref.columns.join(',')})`);
  }

  async containment(source: ColumnsRef, target: ColumnsRef): Promise<Containment | undefined> {
    const row = await this.#run(containmentSql(this.connector.dialect, source, target));
    return row ? { sourceDistinct: Number(row[0] ?? 0), matched: Number(row[1] ?? 0) } : undefined;
  }
}

/** Maps `items` through `task` with at most `concurrency` in flight, keeping order. */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
