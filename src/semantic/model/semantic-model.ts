import type { DialectName, Expr, TimeGrain } from '../../sql/index.js';

/**
 * The validated, resolved semantic layer of one connection: what the loader produces from YAML
 * (manifest shards + standalone sources + overlays) and what the planner reads. Everything here is
 * immutable and free of I/O; every SQL fragment is already parsed into the sql AST with the
 * connection's dialect, with column references left bare (unqualified) as the user wrote them.
 */
export interface SemanticModel {
  readonly dialect: DialectName;
  /** By source name (exact, case-sensitive). */
  readonly sources: ReadonlyMap<string, SemanticSource>;
}

export type ColumnType = 'string' | 'number' | 'time' | 'boolean';

export interface SemanticSource {
  readonly name: string;
  /** A physical table (`path` as [schema, table] or [table]) or a SQL body emitted as a CTE. */
  readonly relation:
    | { readonly kind: 'table'; readonly path: readonly string[] }
    | { readonly kind: 'sql'; readonly sql: string };
  /** Columns that identify a row; non-empty. */
  readonly grain: readonly string[];
  readonly columns: readonly SemanticColumn[];
  readonly joins: readonly SemanticJoin[];
  readonly measures: readonly SemanticMeasure[];
  readonly segments: readonly SemanticSegment[];
  readonly description?: string;
  /** Where it was defined, for diagnostics (project-relative path of the YAML file). */
  readonly file?: string;
  /** Where the source is declared (the overlay or standalone file when there is one, else the shard entry). */
  readonly site?: DefinitionSite;
  /** Where `grain` comes from (the `grain:` key, or a manifest's `pk` columns). */
  readonly grainSite?: DefinitionSite;
  /**
   * Every column the table or SQL body is known to have, declared or not: the scanned manifest's
   * columns for a table, the SELECT projection for SQL. Absent when unknown, in which case a bare
   * name that is neither declared nor on a joined source is taken to be a physical column.
   */
  readonly physicalColumns?: readonly string[];
  /** Origin-keyed metadata (`{dbt: …}`) kept for search and tools; the planner ignores it. */
  readonly metadata?: SourceMetadata;
}

/** A place in a YAML file: project-relative path, dotted key path, 1-based line when known. */
export interface DefinitionSite {
  readonly file: string;
  readonly path: string;
  readonly line?: number;
}

export interface SourceMetadata {
  readonly tags?: Readonly<Record<string, readonly string[]>>;
  readonly freshness?: Readonly<Record<string, unknown>>;
  readonly defaultTimeDimension?: Readonly<Record<string, string>>;
  /** Query-history summary written by ingest (reference TS-only `usage`). */
  readonly usage?: unknown;
}

export interface ColumnMetadata {
  /** The database type from the scan (`numeric(12,2)`), when the column came from a manifest. */
  readonly nativeType?: string;
  readonly nullable?: boolean;
  readonly naturalGranularity?: string;
  readonly constraints?: Readonly<Record<string, unknown>>;
  readonly enumValues?: Readonly<Record<string, readonly string[]>>;
  readonly tests?: Readonly<Record<string, unknown>>;
}

export interface SemanticColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly role: 'time' | 'default';
  /** `hidden` columns may not be queried; `internal` ones may, but are not advertised to agents. */
  readonly visibility: 'public' | 'internal' | 'hidden';
  /** A computed column: an expression over the source's bare columns, substituted where it is used. */
  readonly expr?: Expr;
  readonly description?: string;
  readonly site?: DefinitionSite;
  readonly metadata?: ColumnMetadata;
}

export type Relationship = 'many_to_one' | 'one_to_many' | 'one_to_one';

export interface SemanticJoin {
  /** Target source name. */
  readonly to: string;
  /** Role-playing name: the target joined a second time under this name (`billing_customer`). */
  readonly alias?: string;
  /** Cardinality from this source to the target. */
  readonly relationship: Relationship;
  /** Column pairs: `from` on this source, `to` on the target (either orientation of `on` is read correctly). */
  readonly keys: readonly { readonly from: string; readonly to: string }[];
  /** The `on` text as written, for messages. */
  readonly on?: string;
  readonly site?: DefinitionSite;
}

export interface SemanticMeasure {
  readonly name: string;
  /**
   * An aggregate over the source's bare columns (`sum(amount)`), or, for a derived measure, an
   * expression over other measures' names (`revenue / orders`, or `other_source.measure`).
   */
  readonly expr: Expr;
  /** Row predicate applied inside this measure's aggregate only. */
  readonly filter?: Expr;
  /** Names of segments of the same source, AND-ed into `filter`. */
  readonly segments: readonly string[];
  readonly window?: MeasureWindow;
  readonly description?: string;
  readonly site?: DefinitionSite;
}

/**
 * A windowed measure (ktx extension), computed over the query's time dimension: `cumulative` adds
 * up every period up to and including each one; `rolling` covers each period and the `periods - 1`
 * before it (in the query's grain, or only at `grain` when set).
 */
export type MeasureWindow =
  | { readonly kind: 'cumulative' }
  | { readonly kind: 'rolling'; readonly periods: number; readonly grain?: TimeGrain }
  /** Period-over-period: the value `periods` periods earlier (of the query's grain, or of `unit`). */
  | { readonly kind: 'offset'; readonly periods: number; readonly unit?: TimeGrain };

export interface SemanticSegment {
  readonly name: string;
  readonly expr: Expr;
  readonly description?: string;
  readonly site?: DefinitionSite;
}
