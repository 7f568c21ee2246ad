import type { IntrospectedTable } from '../connectors/port.js';
import type { LlmRuntime } from '../llm/port.js';
import type { TableProfile } from './profile/table-profile.js';

/** Generated descriptions of one table and its columns. */
export interface TableDescription {
  schema: string;
  table: string;
  description: string;
  columns: Record<string, string>;
}

export interface DescribeTablesInput {
  tables: readonly IntrospectedTable[];
  profiles: ReadonlyMap<string, TableProfile>;
  /** Absent when no LLM backend is configured or `--no-enrich` was given: nothing is generated. */
  runtime?: LlmRuntime;
  signal?: AbortSignal;
}

export interface DescribeTablesResult {
  descriptions: TableDescription[];
  warnings: string[];
  skipped: 'no-runtime' | undefined;
}

/**
 * The seam for LLM table and column descriptions (issue 5, "LLM descriptions"). The deterministic
 * scan never needs it: without a runtime it returns nothing and says why. The implementation
 * (`generateObject` per table, bounded concurrency, cache keyed by a hash of structure + profile,
 * a warning per failed table) lands with the LLM runtime; the scan already passes the profiles it
 * will use as evidence.
 */
export async function describeTables(input: DescribeTablesInput): Promise<DescribeTablesResult> {
  if (!input.runtime) return { descriptions: [], warnings: [], skipped: 'no-runtime' };
  return {
    descriptions: [],
    warnings: ['LLM descriptions are not implemented yet; the scan wrote none'],
    skipped: undefined,
  };
}
