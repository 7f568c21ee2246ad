/** A table inside one connection, by exact schema and name. */
export interface TableRef {
  schema: string;
  table: string;
}

export interface ColumnsRef extends TableRef {
  columns: string[];
}

export type RelationshipStatus = 'accepted' | 'review' | 'rejected';

/**
 * Where a candidate came from: a declared foreign key, the column and table names, overlap of
 * sampled values (no naming signal), or a composite key whose column names reappear in another table.
 */
export type RelationshipOrigin = 'formal' | 'name' | 'value' | 'composite';

/** What the read-only validation queries measured for one candidate. */
export interface ValidationEvidence {
  /** Distinct non-null source values (tuples for composite keys). */
  sourceDistinct: number;
  /** How many of them exist in the target. */
  matched: number;
  /** matched / sourceDistinct. */
  coverage: number;
  /** 1 - coverage: share of distinct source values with no target row. */
  violationRate: number;
  /** Target rows with a non-null key, and the distinct keys among them. */
  targetRows: number;
  targetDistinct: number;
  /** targetDistinct / targetRows (1: the target columns are a key). */
  targetUniqueness: number;
}

/** A join found (or refused) between two tables, with the evidence for the decision. */
export interface RelationshipFinding {
  id: string;
  from: ColumnsRef;
  to: ColumnsRef;
  origin: RelationshipOrigin;
  status: RelationshipStatus;
  relationship: 'many_to_one' | 'one_to_one';
  /** 0–1: how strongly the names point at the target (0 for value-overlap candidates). */
  nameScore: number;
  /** 0–1 ranking score shown to reviewers: name signal and validation together. */
  score: number;
  reasons: string[];
  validation?: ValidationEvidence;
}

/** A table's key: declared, or inferred from names, profiles and a uniqueness query. */
export interface PrimaryKeyFinding {
  schema: string;
  table: string;
  columns: string[];
  origin: 'declared' | 'inferred';
  status: 'accepted' | 'review';
  reasons: string[];
}

export interface RelationshipDiagnostics {
  /** Validation and key-check queries run, and the budget they were drawn from. */
  queries: number;
  budget: number;
  candidates: Record<RelationshipOrigin, number>;
  /** Candidates left unvalidated because the budget ran out (kept as `review`). */
  unvalidated: number;
  /** Validation queries that failed (the candidate is kept as `review`). */
  failedQueries: number;
  elapsedMs: number;
}

export interface RelationshipsResult {
  relationships: RelationshipFinding[];
  primaryKeys: PrimaryKeyFinding[];
  diagnostics: RelationshipDiagnostics;
}

export function relationshipId(from: ColumnsRef, to: ColumnsRef): string {
  return `${from.schema}.${from.table}(${from.columns.join(',')})->${to.schema}.${to.table}(${to.columns.join(',')})`;
}
