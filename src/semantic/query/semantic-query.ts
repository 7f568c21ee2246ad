import type { TimeGrain } from '../../sql/index.js';

/**
 * A metric query as agents and the CLI send it (reference-compatible field names). Fields are
 * `source.column` / `source.measure` references; bare names are accepted when exactly one source
 * has them.
 */
export interface SemanticQuery {
  /** Predefined (`orders.revenue`, `revenue`) or ad hoc (`sum(orders.amount)`, `{name, expr}`). */
  readonly measures: readonly (string | { readonly name: string; readonly expr: string })[];
  readonly dimensions?: readonly (string | { readonly field: string; readonly granularity?: TimeGrain })[];
  /** SQL predicates over `source.column` and measure names; split into WHERE and HAVING by the planner. */
  readonly filters?: readonly string[];
  /** `source.segment`, applied to every measure of that source. */
  readonly segments?: readonly string[];
  readonly orderBy?: readonly { readonly field: string; readonly direction?: 'asc' | 'desc' }[];
  /** Default 1000. */
  readonly limit?: number;
  /** Default true: dimension values with no fact rows appear (measures NULL, counts 0). */
  readonly includeEmpty?: boolean;
}
