import type { Expr } from '../ast/expression.js';
import { between, binary, call, inList, isNull, not, nullSafeEquals } from '../ast/expression-factories.js';
import { QUERY_WORDS } from './fragment-keywords.js';
import { parseConcatenation } from './parse-arithmetic.js';
import type { ParseContext } from './parse-context.js';
import type { TokenCursor } from './token-cursor.js';

const COMPARISON_OPERATORS: ReadonlyMap<string, '=' | '<>' | '<' | '<=' | '>' | '>='> = new Map([
  ['=', '='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

/** Words that `NOT` may negate from the right-hand side: `a NOT IN (…)`, `a NOT LIKE b`. */
const NEGATABLE = new Set(['IN', 'BETWEEN', 'LIKE', 'ILIKE']);

/**
 * One comparison over `||`-level operands: `=`, `<>`/`!=`, `<`, `<=`, `>`, `>=`, `<=>`,
 * `IS [NOT] NULL`, `IS [NOT] DISTINCT FROM`, `[NOT] IN (…)`, `[NOT] BETWEEN … AND …`,
 * `[NOT] LIKE`, `[NOT] ILIKE`. A second comparison needs parentheses: engines disagree on
 * `a = b = c` (PostgreSQL refuses it, MySQL reads `(a = b) = c`) and on how `a = b LIKE c` groups.
 * `IS NULL` may follow one, as in `a = b IS NULL`, which every engine reads as `(a = b) IS NULL`.
 */
export function parseComparison(context: ParseContext): Expr {
  const { cursor } = context;
  let left = parseConcatenation(context);
  let compared = false;
  for (;;) {
    const token = cursor.peek();
    if (cursor.isKeyword('IS')) {
      cursor.next();
      const negated = cursor.acceptKeyword('NOT') !== undefined;
      if (cursor.acceptKeyword('NULL')) {
        left = isNull(left, negated);
        compared = true;
        continue;
      }
      if (!cursor.isKeyword('DISTINCT')) {
        cursor.fail(`expected NULL or DISTINCT FROM after IS${cursor.found()}`);
      }
      refuseChain(cursor, compared, token.start);
      cursor.next();
      cursor.expectKeyword('FROM', 'after IS DISTINCT');
      const same = nullSafeEquals(left, parseConcatenation(context));
      left = negated ? same : not(same);
      compared = true;
      continue;
    }
    const operator = token.kind === 'operator' ? token.value : undefined;
    const comparison = operator === undefined ? undefined : COMPARISON_OPERATORS.get(operator);
    if (comparison !== undefined || operator === '<=>') {
      refuseChain(cursor, compared, token.start);
      cursor.next();
      const right = parseConcatenation(context);
      left = comparison === undefined ? nullSafeEquals(left, right) : binary(comparison, left, right);
      compared = true;
      continue;
    }
    const negated =
      cursor.isKeyword('NOT') && cursor.peek(1).kind === 'word' && NEGATABLE.has(cursor.peek(1).value);
    const word = cursor.peek(negated ? 1 : 0);
    if (word.kind !== 'word' || !NEGATABLE.has(word.value)) return left;
    refuseChain(cursor, compared, token.start);
    if (negated) cursor.next();
    cursor.next();
    left = parseNegatable(context, word.value, left, negated);
    compared = true;
  }
}

function refuseChain(cursor: TokenCursor, compared: boolean, offset: number): void {
  if (compared) cursor.fail('comparisons do not chain: add parentheses around the first one', offset);
}

/** The right-hand side of IN, BETWEEN, LIKE or ILIKE, after the keyword. */
function parseNegatable(context: ParseContext, keyword: string, left: Expr, negated: boolean): Expr {
  const { cursor } = context;
  switch (keyword) {
    case 'IN':
      return inList(left, parseInValues(context), negated);
    case 'BETWEEN': {
      const low = parseConcatenation(context);
      cursor.expectKeyword('AND', 'between the bounds of BETWEEN');
      return between(left, low, parseConcatenation(context), negated);
    }
    case 'ILIKE': {
      // ILIKE is not portable; lower-casing both sides is the spelling every engine has.
      const pattern = parseConcatenation(context);
      return binary(negated ? 'not like' : 'like', call('lower', [left]), call('lower', [pattern]));
    }
    default:
      return binary(negated ? 'not like' : 'like', left, parseConcatenation(context));
  }
}

function parseInValues(context: ParseContext): Expr[] {
  const { cursor } = context;
  const open = cursor.expectOperator('(', 'after IN');
  const first = cursor.peek();
  if (first.kind === 'word' && QUERY_WORDS.has(first.value)) cursor.fail('a subquery is not allowed here');
  if (cursor.isOperator(')')) cursor.fail('an IN list needs at least one value');
  const values: Expr[] = [];
  do values.push(context.expression());
  while (cursor.acceptOperator(','));
  cursor.expectClose(open, 'the IN list');
  return values;
}
