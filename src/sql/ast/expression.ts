/**
 * SQL expression nodes: plain readonly objects with a `kind` discriminant, built by the factories in
 * `expression-factories.ts` and printed per dialect by the printer. User fragments (measure `expr`,
 * filters, computed columns) are parsed into these, never spliced as text; the one exception is
 * `raw`, which carries trusted SQL (a SQL source's body) verbatim and is never produced by the parser.
 */
export type Expr =
  | ColumnRef
  | StarRef
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | NullLiteral
  | FunctionCall
  | BinaryOp
  | UnaryOp
  | IsNull
  | InList
  | Between
  | CaseExpr
  | CastExpr
  | IntervalLiteral
  | TimeTrunc
  | TimeAdd
  | SafeDivide
  | NullSafeEquals
  | RawSql;

/** `table.name`, or a bare `name` before qualification. Names are exact (case preserved, unquoted). */
export interface ColumnRef {
  readonly kind: 'column';
  readonly table?: string;
  readonly name: string;
}

/** `*` or `t.*`, only valid as a function argument (`count(*)`) or a select item. */
export interface StarRef {
  readonly kind: 'star';
  readonly table?: string;
}

/** Numbers keep their source text so no precision is lost between parse and print. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly text: string;
}

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
}

export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullLiteral {
  readonly kind: 'null';
}

/**
 * A function call. `name` is lower-case. Portable functions (aggregates such as `sum`, `count`,
 * `avg`, `min`, `max`, `count_distinct`, `median`, `percentile`, `stddev`, and scalars such as
 * `coalesce`, `nullif`, `lower`, `upper`, `abs`, `round`, `length`, `concat`) are printed through
 * each dialect's function table; any other name is printed as written (a native function of the
 * connection's dialect). `distinct` is `count(DISTINCT x)`.
 */
export interface FunctionCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly distinct?: boolean;
}

export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '||'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'and'
  | 'or'
  | 'like'
  | 'not like';

export interface BinaryOp {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface UnaryOp {
  readonly kind: 'unary';
  readonly op: 'not' | '-' | '+';
  readonly operand: Expr;
}

export interface IsNull {
  readonly kind: 'is-null';
  readonly operand: Expr;
  readonly negated: boolean;
}

export interface InList {
  readonly kind: 'in';
  readonly operand: Expr;
  readonly values: readonly Expr[];
  readonly negated: boolean;
}

export interface Between {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
}

export interface CaseExpr {
  readonly kind: 'case';
  /** `CASE x WHEN …` (simple form) when set; searched form otherwise. */
  readonly operand?: Expr;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly else?: Expr;
}

/** Engine-neutral cast targets; each dialect names its own type. */
export type CastType = 'integer' | 'decimal' | 'float' | 'text' | 'date' | 'timestamp' | 'boolean';

export interface CastExpr {
  readonly kind: 'cast';
  readonly operand: Expr;
  readonly type: CastType;
}

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** `INTERVAL '30 days'`, `INTERVAL 30 DAY`: an amount of one unit, printed per dialect. */
export interface IntervalLiteral {
  readonly kind: 'interval';
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** Time grains of the semantic layer. Weeks are ISO weeks starting on Monday in every dialect. */
export type TimeGrain = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Truncates a date/timestamp to the start of its grain; the result is a timestamp (date for ≥ day where the dialect prefers). */
export interface TimeTrunc {
  readonly kind: 'time-trunc';
  readonly grain: TimeGrain;
  readonly operand: Expr;
}

/** `operand + amount unit` (amount may be negative), for rolling windows and period-over-period. */
export interface TimeAdd {
  readonly kind: 'time-add';
  readonly operand: Expr;
  readonly unit: TimeUnit;
  readonly amount: number;
}

/**
 * `left / right` with float semantics and NULL (not an error) when `right` is 0. Produced by the
 * planner for derived measures, never by the parser: `sum(int) / count(*)` must not be integer
 * division (PostgreSQL, SQLite, T-SQL) nor fail on zero.
 */
export interface SafeDivide {
  readonly kind: 'safe-divide';
  readonly left: Expr;
  readonly right: Expr;
}

/** `left` equals `right`, treating two NULLs as equal (joining pre-aggregated groups on a NULL key). */
export interface NullSafeEquals {
  readonly kind: 'null-safe-equals';
  readonly left: Expr;
  readonly right: Expr;
}

/** Trusted SQL printed verbatim (a SQL source's body). Never built from agent or user fragments. */
export interface RawSql {
  readonly kind: 'raw';
  readonly sql: string;
}
