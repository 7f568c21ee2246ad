import type { IntrospectedTable } from '../connectors/port.js';
import { KtxError, toKtxError } from '../core/index.js';
import type { LlmRuntime } from '../llm/port.js';
import { cleanDescription, descriptionAnswerSchema } from './describe/description-answer.js';
import { DESCRIPTION_SYSTEM, descriptionRequest, type PromptJoin } from './describe/description-prompt.js';
import type { DescriptionFailure, TableDescription } from './describe/table-description.js';
import type { TableProfile } from './profile/table-profile.js';
import type { RelationshipFinding } from './relationships/relationship.js';

export type { DescriptionFailure, TableDescription } from './describe/table-description.js';

/** Time one table's description calls may take together, retries and repair included. */
const TABLE_TIMEOUT_MS = 180_000;

export interface DescribeTablesInput {
  tables: readonly IntrospectedTable[];
  profiles: ReadonlyMap<string, TableProfile>;
  /** Discovered joins (accepted, non-formal ones are shown to the model next to declared keys). */
  relationships?: readonly RelationshipFinding[];
  /** Absent when no LLM backend is configured or `--no-enrich` was given: only the cache is used. */
  runtime?: LlmRuntime;
  /** Descriptions of the previous run by `schema.table`, reused when their key is unchanged. */
  previous?: ReadonlyMap<string, TableDescription>;
  /** Regenerate even unchanged tables (`--full`); needs a runtime, else the cache is kept. */
  full?: boolean;
  /** Tables described at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Per-table time limit (default 180 s); a table over it is a `scan_describe_timeout` failure. */
  tableTimeoutMs?: number;
  onTableDone?: (done: number, total: number) => void;
}

export interface DescribeTablesResult {
  /** Every table that has descriptions, generated now or carried over, in `schema.table` order. */
  descriptions: TableDescription[];
  failures: DescriptionFailure[];
  generated: number;
  reused: number;
  /** `generateObject` calls made (one per table, one per 100-column slice of wider tables). */
  calls: number;
}

function joinsOf(table: IntrospectedTable, relationships: readonly RelationshipFinding[]): PromptJoin[] {
  const declared: PromptJoin[] = table.foreignKeys.map((key) => ({
    columns: key.columns,
    target: `${key.referencedSchema}.${key.referencedTable}`,
    targetColumns: key.referencedColumns,
    origin: 'declared',
  }));
  const discovered: PromptJoin[] = relationships
    .filter(
      (found) =>
        found.status === 'accepted' &&
        found.origin !== 'formal' &&
        found.from.schema === table.schema &&
        found.from.table === table.name,
    )
    .map((found) => ({
      columns: found.from.columns,
      target: `${found.to.schema}.${found.to.table}`,
      targetColumns: found.to.columns,
      origin: 'discovered',
    }));
  return [...declared, ...discovered];
}

async function generate(
  runtime: LlmRuntime,
  table: IntrospectedTable,
  prompts: readonly string[],
  key: string,
  signal: AbortSignal | undefined,
  countCall: () => void,
): Promise<TableDescription> {
  const known = new Set(table.columns.map((column) => column.name));
  // A Map, not an object: column names such as `constructor` or `__proto__` must stay plain keys.
  const columns = new Map<string, string>();
  let description: string | undefined;
  for (const prompt of prompts) {
    countCall();
    const answer = await runtime.generateObject({
      role: 'candidateExtraction',
      system: DESCRIPTION_SYSTEM,
      prompt,
      schema: descriptionAnswerSchema,
      schemaName: 'table_descriptions',
      // About 60 tokens per column at most; the default (the model's maximum) would only invite rambling.
      maxOutputTokens: 8_192,
      tags: { operation: 'scan.describe', table: `${table.schema}.${table.name}` },
      ...(signal ? { signal } : {}),
    });
    description ??= cleanDescription(answer.table);
    for (const column of answer.columns) {
      // The model may echo a name it was not given, or answer for another table: only listed names count.
      const text = cleanDescription(column.description);
      if (text && known.has(column.name) && !columns.has(column.name)) columns.set(column.name, text);
    }
  }
  return {
    schema: table.schema,
    table: table.name,
    key,
    model: runtime.modelFor('candidateExtraction'),
    ...(description ? { description } : {}),
    columns: Object.fromEntries(columns),
  };
}

/**
 * Table and column descriptions through `generateObject` (role `candidateExtraction`): one call per
 * table with its columns batched, at most `concurrency` tables at once. A table whose key (structure
 * plus a coarse profile digest) matches the previous run's reuses its descriptions and costs no
 * call; without a runtime only such reuse happens. A failed call becomes a failure entry for that
 * table and the others go on; only an abort of `signal` stops the whole step.
 */
export async function describeTables(input: DescribeTablesInput): Promise<DescribeTablesResult> {
  const tables = [...input.tables].sort((left, right) =>
    `${left.schema}.${left.name}`.localeCompare(`${right.schema}.${right.name}`),
  );
  const results: (TableDescription | undefined)[] = new Array(tables.length);
  const failures: DescriptionFailure[] = [];
  let generated = 0;
  let reused = 0;
  let calls = 0;
  let next = 0;
  let done = 0;
  const { runtime } = input;
  const worker = async (): Promise<void> => {
    while (next < tables.length) {
      const index = next++;
      const table = tables[index]!;
      const name = `${table.schema}.${table.name}`;
      const request = descriptionRequest(
        table,
        input.profiles.get(name),
        joinsOf(table, input.relationships ?? []),
      );
      const earlier = input.previous?.get(name);
      if (earlier && earlier.key === request.key && !(input.full && runtime)) {
        results[index] = earlier;
        reused += 1;
      } else if (runtime) {
        const limit = input.tableTimeoutMs ?? TABLE_TIMEOUT_MS;
        const deadline = AbortSignal.timeout(limit);
        const signal = input.signal ? AbortSignal.any([input.signal, deadline]) : deadline;
        try {
          results[index] = await generate(runtime, table, request.prompts, request.key, signal, () => {
            calls += 1;
          });
          generated += 1;
        } catch (error) {
          if (input.signal?.aborted) throw error;
          const failure = deadline.aborted
            ? new KtxError('scan_describe_timeout', `no descriptions within ${limit / 1000} s`, {
                fix: 'Re-run the scan; if it keeps timing out, pick a faster model for llm.models.candidateExtraction.',
              })
            : toKtxError(error);
          // `--full` asked for fresh text; when the call fails, the still-valid earlier text stays.
          if (earlier && earlier.key === request.key) results[index] = earlier;
          failures.push({
            schema: table.schema,
            table: table.name,
            code: failure.code,
            message: failure.message,
          });
        }
      }
      done += 1;
      input.onTableDone?.(done, tables.length);
    }
  };
  const width = Math.max(1, Math.min(input.concurrency ?? 4, tables.length));
  await Promise.all(Array.from({ length: runtime ? width : 1 }, worker));
  return {
    descriptions: results.filter((entry): entry is TableDescription => entry !== undefined),
    failures: failures.sort((left, right) =>
      `${left.schema}.${left.table}`.localeCompare(`${right.schema}.${right.table}`),
    ),
    generated,
    reused,
    calls,
  };
}
