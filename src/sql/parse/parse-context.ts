import type { Expr } from '../ast/expression.js';
import type { TokenCursor } from './token-cursor.js';

/**
 * What every grammar rule receives. Rules for nested constructs (parentheses, call arguments, CASE
 * branches) re-enter the grammar through `expression()` rather than importing the top rule, which
 * keeps the rule files free of import cycles and gives one place to bound nesting depth.
 */
export interface ParseContext {
  readonly cursor: TokenCursor;
  /** Parses one whole expression (the OR level) at the cursor. */
  expression(): Expr;
}
