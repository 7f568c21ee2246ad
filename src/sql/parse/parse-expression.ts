import type { Expr } from '../ast/expression.js';
import type { DialectName } from '../dialect-name.js';
import { getDialect } from '../dialects/registry.js';
import { checkFragmentTokens } from './check-fragment-tokens.js';
import { describeToken } from './expression-token.js';
import { FragmentSyntaxError } from './fragment-syntax-error.js';
import { lexExpression } from './lex-expression.js';
import type { ParseContext } from './parse-context.js';
import { parseDisjunction } from './parse-logical.js';
import { TokenCursor } from './token-cursor.js';

/** `message` is one clause saying what is wrong; `offset` is where, in UTF-16 units into the text. */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; offset: number };

/**
 * Parentheses, calls and CASE nest through one entry point; past this depth the fragment is refused
 * rather than risking the JavaScript stack (about a dozen frames per level).
 */
const MAX_DEPTH = 100;

/**
 * Parses one SQL expression written by a user (a measure `expr` or `filter`, a segment, a computed
 * column, a query filter, a join `on`) into the expression AST, lexing it as `dialect` does under its
 * server-default settings. Anything that is not exactly one expression is refused with a message and
 * an offset: statements, subqueries, window functions, `;`, parameters, trailing tokens. Linear in
 * the length of the text; only locating a lexical refusal costs more, within a fixed budget.
 */
export function parseExpression(text: string, dialect: DialectName): ParseResult {
  const { lexical } = getDialect(dialect);
  try {
    const tokens = lexExpression(text, lexical, lexical.modes[0]);
    checkFragmentTokens(tokens);
    const cursor = new TokenCursor(text, tokens);
    if (cursor.peek().kind === 'end') cursor.fail('the fragment is empty', 0);
    let depth = 0;
    const context: ParseContext = {
      cursor,
      expression() {
        if (depth === MAX_DEPTH) cursor.fail(`the expression nests more than ${MAX_DEPTH} levels deep`);
        depth++;
        const expr = parseDisjunction(context);
        depth--;
        return expr;
      },
    };
    const expr = context.expression();
    refuseTrailing(cursor);
    return { ok: true, expr };
  } catch (error) {
    if (error instanceof FragmentSyntaxError) {
      return { ok: false, message: error.message, offset: error.offset };
    }
    throw error;
  }
}

function refuseTrailing(cursor: TokenCursor): void {
  const token = cursor.peek();
  if (token.kind === 'end') return;
  if (cursor.isOperator(')')) cursor.fail('unbalanced parentheses: no `(` opens this `)`');
  if (cursor.isOperator(',')) cursor.fail('unexpected `,`: a fragment must be one expression');
  if (cursor.isKeyword('AS')) cursor.fail('an alias (`AS …`) is not part of a fragment');
  if (cursor.isKeyword('OVER')) cursor.fail('window functions (`OVER`) are not allowed here');
  cursor.fail(`found ${describeToken(token)} after the end of the expression`);
}
