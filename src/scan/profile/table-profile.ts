import type { CellValue, LogicalType } from '../../connectors/port.js';

/** One value and how many sampled rows hold it. */
export interface ValueCount {
  value: CellValue;
  count: number;
}

/** What a bounded sample says about one column. Rates are over the sampled rows. */
export interface ColumnProfile {
  name: string;
  type: LogicalType;
  /** Sampled rows (the same for every column of a table). */
  sampled: number;
  nulls: number;
  nullRate: number;
  /** Distinct non-null values in the sample. */
  distinct: number;
  /** distinct / non-null sampled values: 1 means no value repeats in the sample. */
  uniqueness: number;
  min: CellValue;
  max: CellValue;
  /** Length range of the values' text form (characters). */
  minLength: number | null;
  maxLength: number | null;
  /** The most frequent non-null values, most frequent first. */
  top: ValueCount[];
  /**
   * Distinct sample values as text, kept only for columns that can take part in a join (integer, text,
   * uuid, exact decimal) and capped, so value-overlap candidates survive an incremental re-scan.
   */
  values?: string[];
}

/** A table's profile, written as evidence to `raw-sources/<id>/scan/<run>/tables/<schema>.<table>.json`. */
export interface TableProfile {
  schema: string;
  table: string;
  /** Hash of the table's structure and row estimate; an unchanged fingerprint skips re-profiling. */
  fingerprint: string;
  /** Catalog estimate, or an exact count where the engine has no estimate (SQLite). */
  rowCount: number | null;
  sampled: number;
  /** How the sample was drawn, e.g. `TABLESAMPLE BERNOULLI (2.5%) REPEATABLE, LIMIT 10000`. */
  sampling: string;
  sql: string;
  elapsedMs: number;
  columns: ColumnProfile[];
  /** Column sets (2–3 key-like columns) with no repeated tuple in the sample: composite-key candidates. */
  uniqueTuples: string[][];
  /** Run that measured this profile when it was carried over unchanged from an earlier scan. */
  reusedFrom?: string;
}

/** A table whose profiling failed; the scan goes on without its profile. */
export interface ProfileFailure {
  schema: string;
  table: string;
  code: string;
  message: string;
}
