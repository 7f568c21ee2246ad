import type { CellValue, Connector, IntrospectedTable } from '../../connectors/port.js';
import { columnTokens, KEY_SUFFIXES, sharedColumnPrefix } from '../relationships/name-tokens.js';
import { columnStats, uniqueTuples } from './column-stats.js';
import { countQuery, sampleQuery } from './sample-query.js';
import { tableFingerprint } from './table-fingerprint.js';
import type { TableProfile } from './table-profile.js';

export interface ProfileTableOptions {
  sampleRows: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Words that make a column a plausible part of a composite key (beside the key markers). */
const TUPLE_WORDS = new Set([
  'line',
  'seq',
  'sequence',
  'position',
  'pos',
  'number',
  'version',
  'date',
  'year',
  'month',
]);

function tupleCandidates(table: IntrospectedTable): string[] {
  const prefix = sharedColumnPrefix(table.columns.map((column) => column.name));
  return table.columns
    .filter((column) => column.type !== 'float' && column.type !== 'boolean' && column.type !== 'json')
    .filter((column) => {
      const tokens = columnTokens(column.name, prefix);
      return (
        tokens.some((token) => KEY_SUFFIXES.has(token) || TUPLE_WORDS.has(token)) ||
        /(id|key|no|nr|num|number|line|seq)$/.test(tokens.join(''))
      );
    })
    .map((column) => column.name);
}

/** The row count the fingerprint uses: the catalog estimate, else an exact count of a base table. */
export async function tableRowCount(
  connector: Connector,
  table: IntrospectedTable,
  options: ProfileTableOptions,
): Promise<number | null> {
  if (table.rowEstimate !== null && table.rowEstimate >= 0) return table.rowEstimate;
  if (table.kind !== 'table') return null;
  const result = await connector.query(countQuery(connector.dialect, table.schema, table.name), {
    maxRows: 1,
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const value = result.rows[0]?.[0];
  return value === null || value === undefined ? null : Number(value);
}

/** Samples one table and profiles every column (statistics computed over the fetched sample). */
export async function profileTable(
  connector: Connector,
  table: IntrospectedTable,
  rowCount: number | null,
  options: ProfileTableOptions,
): Promise<TableProfile> {
  const started = performance.now();
  const columns = table.columns.map((column) => column.name);
  const sample = sampleQuery(
    connector.dialect,
    table.schema,
    table.name,
    columns,
    options.sampleRows,
    rowCount,
  );
  const result = await connector.query(sample.sql, {
    maxRows: options.sampleRows,
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const rows: CellValue[][] = result.rows;
  const profiles = table.columns.map((column, index) =>
    columnStats(
      column.name,
      column.type,
      rows.map((row) => row[index] ?? null),
    ),
  );
  const hasUniqueKey = table.primaryKey.length > 0;
  return {
    schema: table.schema,
    table: table.name,
    fingerprint: tableFingerprint(table, rowCount, options.sampleRows),
    rowCount,
    sampled: rows.length,
    sampling: sample.method,
    sql: sample.sql,
    elapsedMs: Math.round(performance.now() - started),
    columns: profiles,
    uniqueTuples: hasUniqueKey ? [] : uniqueTuples(columns, rows, tupleCandidates(table)),
  };
}
