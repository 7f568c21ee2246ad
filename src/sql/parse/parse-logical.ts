import type { Expr } from '../ast/expression.js';
import { binary, not } from '../ast/expression-factories.js';
import { parseComparison } from './parse-comparison.js';
import type { ParseContext } from './parse-context.js';

/** `a OR b OR c`, left-associative; the loosest level, so this is a whole expression. */
export function parseDisjunction(context: ParseContext): Expr {
  let left = parseConjunction(context);
  while (context.cursor.acceptKeyword('OR')) left = binary('or', left, parseConjunction(context));
  return left;
}

/** `a AND b`. A BETWEEN's own AND never reaches here: the comparison level consumes it. */
function parseConjunction(context: ParseContext): Expr {
  let left = parseNegation(context);
  while (context.cursor.acceptKeyword('AND')) left = binary('and', left, parseNegation(context));
  return left;
}

/** `NOT a = b` is `NOT (a = b)`: NOT binds looser than comparisons. Looped, so `NOT NOT …` cannot recurse deeply. */
function parseNegation(context: ParseContext): Expr {
  let count = 0;
  while (context.cursor.isKeyword('NOT')) {
    context.cursor.next();
    count++;
  }
  let operand = parseComparison(context);
  for (; count > 0; count--) operand = not(operand);
  return operand;
}
