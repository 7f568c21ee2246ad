import type { CastType, TimeGrain, TimeUnit } from '../ast/expression.js';
import type { DialectName } from '../dialect-name.js';
import type { FunctionTable } from './function-table.js';

/**
 * How a dialect represents truth values.
 * - `native`: predicates are values (`SELECT a = b`, `WHERE flag`); booleans print as `TRUE`/`FALSE`.
 * - `bit`: predicates are not values and values are not predicates (T-SQL). The printer turns a
 *   predicate used as a value into `CASE WHEN p THEN 1 WHEN NOT (p) THEN 0 END` (NULL stays NULL,
 *   as it does where booleans are native) and a value used as a predicate into `(v = 1)`.
 */
export type BooleanStyle = 'native' | 'bit';

/** Where the row limit goes: `… LIMIT n` at the end, or `SELECT TOP (n) …` (T-SQL). */
export type LimitStyle = 'limit' | 'top';

/**
 * Where NULLs sort when ORDER BY says neither NULLS FIRST nor NULLS LAST (ktx never says, because
 * not every engine accepts it). Consistent NULL ordering across dialects is not a goal; this records
 * what each engine does so callers can explain it.
 * - `largest`: NULLs after every value ascending, before every value descending (PostgreSQL, Snowflake).
 * - `smallest`: NULLs first ascending, last descending (SQLite, MySQL/MariaDB, BigQuery, T-SQL).
 * - `last`: NULLs last in both directions (DuckDB, ClickHouse).
 */
export type NullOrdering = 'largest' | 'smallest' | 'last';

/**
 * Everything the printer needs to know about one SQL dialect. Every member is required and there is
 * no base object, so a new dialect does not compile until it says how it truncates a week or divides
 * safely. The base printer (`print-expression.ts`, `print-query.ts`) reads these members and never
 * compares dialect names.
 *
 * Operand convention: the `sql` arguments handed to the methods below are already printed and safe to
 * embed next to any operator (the printer parenthesises anything that is not an atom). `cast`,
 * `timeTrunc`, `timeAdd` and `interval` must return self-delimited SQL (a function call, a literal, a
 * `CASE … END`, or text in parentheses), because the printer treats their result as an atom.
 * `nullSafeEquals`, `safeDivide`, `concat` and `modulo` may return bare infix text; the printer
 * parenthesises it wherever it is nested.
 */
export interface DialectPrinting {
  /** The registry key. */
  readonly name: DialectName;
  /** How messages name the engine(s), e.g. `MySQL/MariaDB`. */
  readonly displayName: string;

  // --- capability flags: the planner checks these before building an expression that would throw ---
  /** An exact `median` aggregate exists (see `functions.median`). */
  readonly supportsMedian: boolean;
  /** An exact continuous `percentile(x, p)` aggregate exists. */
  readonly supportsPercentile: boolean;
  /** A sample standard deviation aggregate exists. */
  readonly supportsStddev: boolean;
  /** `IntervalLiteral` can be printed (a typed interval value to add to a date/time). */
  readonly supportsIntervalLiteral: boolean;
  /** `CAST(x AS boolean)` can be printed. */
  readonly supportsBooleanCast: boolean;
  readonly booleanStyle: BooleanStyle;
  readonly limitStyle: LimitStyle;
  readonly nullOrdering: NullOrdering;
  /** The keyword for a de-duplicating set union (`UNION`, or `UNION DISTINCT` where bare UNION is refused). */
  readonly unionDistinct: string;
  /**
   * Session settings the connector must apply so that printed SQL means what it says (name → value),
   * e.g. ClickHouse `join_use_nulls = 1` so an unmatched LEFT JOIN column is NULL rather than 0 or ''.
   */
  readonly sessionSettings: Readonly<Record<string, string>>;
  /** Portable functions (the standard table merged with this dialect's overrides, built at load). */
  readonly functions: FunctionTable;

  // --- spelling ---
  /** Always quotes, escaping the quote character inside the name. Throws for an empty name or NUL. */
  quoteIdentifier(name: string): string;
  /** A string literal that reads back as exactly `value` under every setting of the engine. */
  stringLiteral(value: string): string;
  /** A boolean value (not a predicate): `TRUE`/`FALSE`, or `1`/`0` where booleans are bits. */
  booleanLiteral(value: boolean): string;
  /** `CAST(sql AS <type>)` or the dialect's equivalent; throws `unsupported_expression` where impossible. */
  cast(sql: string, type: CastType): string;

  // --- time ---
  /**
   * The start of the grain containing `sql`. Weeks are ISO weeks: a Monday maps to itself, a Sunday
   * to the Monday six days before, whatever the session's first-day-of-week setting.
   */
  timeTrunc(grain: TimeGrain, sql: string): string;
  /** `sql` moved by `amount` units (negative moves back). Month steps clamp to the month's last day. */
  timeAdd(unit: TimeUnit, amount: number, sql: string): string;
  /** A standalone interval value; throws where the dialect has none (see `supportsIntervalLiteral`). */
  interval(unit: TimeUnit, amount: number): string;

  // --- operators ---
  /** A predicate: `left` equals `right`, where two NULLs are equal and NULL never equals a value. */
  nullSafeEquals(left: string, right: string): string;
  /** `left / right` as a float, NULL (never an error or infinity) when `right` is 0. */
  safeDivide(left: string, right: string): string;
  /** String concatenation of two or more operands; NULL when any operand is NULL. */
  concat(parts: readonly string[]): string;
  /** The remainder of `left / right`, with the sign of `left` (`%`, or `MOD()` where `%` is not an operator). */
  modulo(left: string, right: string): string;
}
