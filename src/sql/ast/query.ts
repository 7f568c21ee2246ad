import type { Expr } from './expression.js';

/**
 * Query nodes. One `Select` (with its CTEs) is what the semantic compiler hands the printer; the
 * printer owns keywords, quoting, LIMIT vs TOP and every other dialect difference.
 */
export interface Select {
  readonly kind: 'select';
  readonly ctes: readonly Cte[];
  readonly distinct: boolean;
  readonly columns: readonly SelectItem[];
  /** Absent only for a FROM-less select (`SELECT 1`). */
  readonly from?: FromItem;
  readonly joins: readonly Join[];
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  readonly having?: Expr;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: number;
}

/** `UNION` / `UNION ALL` of selects with the same column count (the key spine of a chasm plan). */
export interface SetOperation {
  readonly kind: 'union';
  readonly all: boolean;
  readonly selects: readonly Select[];
}

export type QueryNode = Select | SetOperation;

export interface Cte {
  readonly name: string;
  readonly query: QueryNode | RawQuery;
}

/** A SQL source's own SELECT, trusted and printed verbatim inside its CTE. */
export interface RawQuery {
  readonly kind: 'raw-query';
  readonly sql: string;
}

export interface SelectItem {
  readonly expr: Expr;
  readonly alias?: string;
}

/** A physical table (`path` = [schema, table] or [catalog, schema, table]) or a CTE, with an alias. */
export type FromItem =
  | { readonly kind: 'table'; readonly path: readonly string[]; readonly alias: string }
  | { readonly kind: 'cte-ref'; readonly name: string; readonly alias: string };

export interface Join {
  readonly type: 'inner' | 'left' | 'cross';
  readonly item: FromItem;
  /** Absent for a cross join. */
  readonly on?: Expr;
}

export interface OrderItem {
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
}
