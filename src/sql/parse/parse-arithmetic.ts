import type { Expr } from '../ast/expression.js';
import { binary, cast, number, unary } from '../ast/expression-factories.js';
import { parseCastType } from './parse-cast-type.js';
import type { ParseContext } from './parse-context.js';
import { parsePrimary } from './parse-primary.js';

/** `a || b`: binds looser than `+`/`-` and tighter than comparisons, as in PostgreSQL. */
export function parseConcatenation(context: ParseContext): Expr {
  let left = parseAdditive(context);
  while (context.cursor.acceptOperator('||')) left = binary('||', left, parseAdditive(context));
  return left;
}

function parseAdditive(context: ParseContext): Expr {
  let left = parseMultiplicative(context);
  for (;;) {
    const operator = context.cursor.acceptOperator('+') ?? context.cursor.acceptOperator('-');
    if (operator === undefined) return left;
    left = binary(operator.value === '+' ? '+' : '-', left, parseMultiplicative(context));
  }
}

function parseMultiplicative(context: ParseContext): Expr {
  let left = parseUnary(context);
  for (;;) {
    const { cursor } = context;
    const operator = cursor.acceptOperator('*') ?? cursor.acceptOperator('/') ?? cursor.acceptOperator('%');
    if (operator === undefined) return left;
    left = binary(operator.value as '*' | '/' | '%', left, parseUnary(context));
  }
}

/**
 * Prefix `-` and `+`, looped so `- - - x` cannot recurse deeply. A minus directly on a number folds
 * into its text (`-5`), as engines read it, so a planner sees a negative literal rather than an
 * operation. Printers must therefore keep a space between a binary `-` and a number starting with `-`.
 */
function parseUnary(context: ParseContext): Expr {
  const signs: ('-' | '+')[] = [];
  for (;;) {
    const sign = context.cursor.acceptOperator('-') ?? context.cursor.acceptOperator('+');
    if (sign === undefined) break;
    signs.push(sign.value === '-' ? '-' : '+');
  }
  let operand = parsePostfix(context);
  for (let index = signs.length - 1; index >= 0; index--) {
    const op = signs[index]!;
    operand =
      op === '-' && operand.kind === 'number' && !operand.text.startsWith('-')
        ? number(`-${operand.text}`)
        : unary(op, operand);
  }
  return operand;
}

/** `x::type`, repeatable (`x::date::text`). Binds tighter than a sign: `-x::int` is `-(x::int)`. */
function parsePostfix(context: ParseContext): Expr {
  let operand = parsePrimary(context);
  while (context.cursor.acceptOperator('::')) operand = cast(operand, parseCastType(context.cursor, '`::`'));
  return operand;
}
