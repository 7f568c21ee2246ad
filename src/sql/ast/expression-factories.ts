import type {
  Between,
  BinaryOp,
  BinaryOperator,
  BooleanLiteral,
  CaseExpr,
  CastExpr,
  CastType,
  ColumnRef,
  Expr,
  FunctionCall,
  InList,
  IntervalLiteral,
  IsNull,
  NullLiteral,
  NullSafeEquals,
  NumberLiteral,
  RawSql,
  SafeDivide,
  StarRef,
  StringLiteral,
  TimeAdd,
  TimeGrain,
  TimeTrunc,
  TimeUnit,
  UnaryOp,
} from './expression.js';

/**
 * Constructors for expression nodes. The parser and the planner build nodes only through these, so a
 * node's shape is decided in one place (optional fields are left out rather than set to undefined,
 * which keeps `toEqual` comparisons and JSON plans stable).
 */

/** `name`, or `table.name` when `table` is given. */
export function column(name: string, table?: string): ColumnRef {
  return table === undefined ? { kind: 'column', name } : { kind: 'column', table, name };
}

/** `*`, or `table.*`. */
export function star(table?: string): StarRef {
  return table === undefined ? { kind: 'star' } : { kind: 'star', table };
}

/** A number from source text (kept as written) or from a finite JS number. */
export function number(value: number | string): NumberLiteral {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`a SQL number must be finite, got ${value}`);
  }
  return { kind: 'number', text: String(value) };
}

export function string(value: string): StringLiteral {
  return { kind: 'string', value };
}

export function boolean(value: boolean): BooleanLiteral {
  return { kind: 'boolean', value };
}

export function nullLiteral(): NullLiteral {
  return { kind: 'null' };
}

/** A call; the name is lower-cased (ASCII only, as engines fold it). */
export function call(
  name: string,
  args: readonly Expr[],
  options: { distinct?: boolean } = {},
): FunctionCall {
  const lower = name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  return options.distinct
    ? { kind: 'call', name: lower, args, distinct: true }
    : { kind: 'call', name: lower, args };
}

export function binary(op: BinaryOperator, left: Expr, right: Expr): BinaryOp {
  return { kind: 'binary', op, left, right };
}

export function eq(left: Expr, right: Expr): BinaryOp {
  return binary('=', left, right);
}

/** Left-folded `a AND b AND c` over the defined terms; undefined when none is defined. */
export function and(first: Expr, ...rest: readonly (Expr | undefined)[]): Expr;
export function and(...terms: readonly (Expr | undefined)[]): Expr | undefined;
export function and(...terms: readonly (Expr | undefined)[]): Expr | undefined {
  return fold('and', terms);
}

/** Left-folded `a OR b OR c` over the defined terms; undefined when none is defined. */
export function or(first: Expr, ...rest: readonly (Expr | undefined)[]): Expr;
export function or(...terms: readonly (Expr | undefined)[]): Expr | undefined;
export function or(...terms: readonly (Expr | undefined)[]): Expr | undefined {
  return fold('or', terms);
}

function fold(op: 'and' | 'or', terms: readonly (Expr | undefined)[]): Expr | undefined {
  let result: Expr | undefined;
  for (const term of terms) {
    if (term !== undefined) result = result === undefined ? term : binary(op, result, term);
  }
  return result;
}

export function unary(op: UnaryOp['op'], operand: Expr): UnaryOp {
  return { kind: 'unary', op, operand };
}

export function not(operand: Expr): UnaryOp {
  return unary('not', operand);
}

export function negate(operand: Expr): UnaryOp {
  return unary('-', operand);
}

export function isNull(operand: Expr, negated = false): IsNull {
  return { kind: 'is-null', operand, negated };
}

export function inList(operand: Expr, values: readonly Expr[], negated = false): InList {
  return { kind: 'in', operand, values, negated };
}

export function between(operand: Expr, low: Expr, high: Expr, negated = false): Between {
  return { kind: 'between', operand, low, high, negated };
}

export type WhenThen = CaseExpr['whens'][number];

/** One `WHEN when THEN then` branch of a CASE. */
export function whenThen(when: Expr, then: Expr): WhenThen {
  return { when, then };
}

/** Searched `CASE WHEN … THEN … [ELSE …] END`. */
export function caseWhen(whens: readonly WhenThen[], otherwise?: Expr): CaseExpr {
  return otherwise === undefined ? { kind: 'case', whens } : { kind: 'case', whens, else: otherwise };
}

/** Simple `CASE operand WHEN value THEN … [ELSE …] END`. */
export function caseOf(operand: Expr, whens: readonly WhenThen[], otherwise?: Expr): CaseExpr {
  return otherwise === undefined
    ? { kind: 'case', operand, whens }
    : { kind: 'case', operand, whens, else: otherwise };
}

export function cast(operand: Expr, type: CastType): CastExpr {
  return { kind: 'cast', operand, type };
}

export function interval(amount: number, unit: TimeUnit): IntervalLiteral {
  return { kind: 'interval', amount, unit };
}

export function timeTrunc(grain: TimeGrain, operand: Expr): TimeTrunc {
  return { kind: 'time-trunc', grain, operand };
}

export function timeAdd(operand: Expr, amount: number, unit: TimeUnit): TimeAdd {
  return { kind: 'time-add', operand, unit, amount };
}

export function safeDivide(left: Expr, right: Expr): SafeDivide {
  return { kind: 'safe-divide', left, right };
}

export function nullSafeEquals(left: Expr, right: Expr): NullSafeEquals {
  return { kind: 'null-safe-equals', left, right };
}

/** `coalesce(a, b, …)`, e.g. `coalesce(cte.m, 0)` when a measure meets a group it has no rows for. */
export function coalesce(...args: readonly Expr[]): FunctionCall {
  return call('coalesce', args);
}

/** Trusted SQL printed verbatim. Never pass agent or user text here: parse it instead. */
export function raw(sql: string): RawSql {
  return { kind: 'raw', sql };
}
