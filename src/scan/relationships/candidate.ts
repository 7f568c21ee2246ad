import type { RelationshipOrigin } from './relationship.js';
import type { ColumnInfo } from './table-index.js';

/** A relationship to validate: source columns → target columns (same length, same order). */
export interface Candidate {
  from: ColumnInfo[];
  to: ColumnInfo[];
  origin: RelationshipOrigin;
  nameScore: number;
  reasons: string[];
  /** Why validation alone cannot accept this candidate (it goes to review at best). */
  weak?: string;
}
