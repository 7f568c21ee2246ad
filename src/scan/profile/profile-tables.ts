import type { Connector, IntrospectedTable } from '../../connectors/port.js';
import { toKtxError } from '../../core/index.js';
import { profileTable, tableRowCount } from './profile-table.js';
import { tableFingerprint } from './table-fingerprint.js';
import type { ProfileFailure, TableProfile } from './table-profile.js';

export interface ProfileTablesInput {
  connector: Connector;
  tables: readonly IntrospectedTable[];
  sampleRows: number;
  concurrency: number;
  tableTimeoutMs: number;
  /** Profiles of the previous scan by `schema.table`; reused when the fingerprint is unchanged. */
  previous?: ReadonlyMap<string, TableProfile>;
  /** Re-profile everything (`--full`). */
  full?: boolean;
  signal?: AbortSignal;
  onTableDone?: (table: IntrospectedTable, done: number) => void;
}

export interface ProfileTablesResult {
  profiles: TableProfile[];
  failures: ProfileFailure[];
  reused: number;
}

/**
 * Profiles tables with at most `concurrency` in flight. Each table gets `tableTimeoutMs` for its
 * row count and sample together (the connector stops the statement server-side when it expires); a
 * table that fails is reported in `failures` and the others go on.
 */
export async function profileTables(input: ProfileTablesInput): Promise<ProfileTablesResult> {
  const profiles: (TableProfile | undefined)[] = new Array(input.tables.length);
  const failures: ProfileFailure[] = [];
  let reused = 0;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < input.tables.length) {
      const index = next++;
      const table = input.tables[index]!;
      const deadline = AbortSignal.timeout(input.tableTimeoutMs);
      const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
      const started = performance.now();
      const remaining = () => Math.max(1, input.tableTimeoutMs - (performance.now() - started));
      try {
        const rowCount = await tableRowCount(input.connector, table, {
          sampleRows: input.sampleRows,
          timeoutMs: remaining(),
          signal,
        });
        const earlier = input.previous?.get(`${table.schema}.${table.name}`);
        if (
          !input.full &&
          earlier &&
          earlier.fingerprint === tableFingerprint(table, rowCount, input.sampleRows)
        ) {
          profiles[index] = earlier;
          reused += 1;
        } else {
          profiles[index] = await profileTable(input.connector, table, rowCount, {
            sampleRows: input.sampleRows,
            timeoutMs: remaining(),
            signal,
          });
        }
      } catch (error) {
        if (input.signal?.aborted) throw error;
        const failure = toKtxError(error);
        failures.push({
          schema: table.schema,
          table: table.name,
          code: deadline.aborted ? 'query_timeout' : failure.code,
          message: deadline.aborted
            ? `profiling took longer than scan.profile.tableTimeoutMs (${input.tableTimeoutMs} ms)`
            : failure.message,
        });
      }
      done += 1;
      input.onTableDone?.(table, done);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(input.concurrency, input.tables.length)) }, worker),
  );
  return {
    profiles: profiles.filter((profile): profile is TableProfile => profile !== undefined),
    failures: failures.sort((left, right) =>
      `${left.schema}.${left.table}`.localeCompare(`${right.schema}.${right.table}`),
    ),
    reused,
  };
}
