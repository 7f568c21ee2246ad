import type { Expr } from '../ast/expression.js';
import { boolean, call, cast, column, nullLiteral, number, string } from '../ast/expression-factories.js';
import { describeToken, type Token, tokenName } from './expression-token.js';
import { NILADIC_FUNCTIONS, NOT_AN_OPERAND, QUERY_WORDS } from './fragment-keywords.js';
import { parseCall } from './parse-call.js';
import { parseCase } from './parse-case.js';
import { parseCastType } from './parse-cast-type.js';
import type { ParseContext } from './parse-context.js';
import { parseInterval, startsInterval } from './parse-interval.js';
import type { TokenCursor } from './token-cursor.js';

const SUBQUERY = 'a subquery is not allowed here';

/** An operand: a literal, a name, a call, CASE, CAST, INTERVAL, a typed literal or a parenthesised expression. */
export function parsePrimary(context: ParseContext): Expr {
  const { cursor } = context;
  const token = cursor.peek();
  switch (token.kind) {
    case 'number':
      cursor.next();
      return number(token.value);
    case 'string':
      cursor.next();
      return string(token.value);
    case 'quoted-name':
      return parseName(context);
    case 'word':
      return parseWord(context, token);
    case 'operator':
      if (token.value === '(') return parseParenthesized(context);
      if (token.value === '*') cursor.fail('`*` is only allowed as a function argument, as in count(*)');
      return missingOperand(cursor);
    default:
      return missingOperand(cursor);
  }
}

function parseWord(context: ParseContext, token: Token): Expr {
  const { cursor } = context;
  const keyword = token.value;
  if (QUERY_WORDS.has(keyword)) cursor.fail(SUBQUERY);
  if (NOT_AN_OPERAND.has(keyword)) missingOperand(cursor);
  const next = cursor.peek(1);
  switch (keyword) {
    case 'NULL':
      cursor.next();
      return nullLiteral();
    case 'TRUE':
    case 'FALSE':
      cursor.next();
      return boolean(keyword === 'TRUE');
    case 'CASE':
      return parseCase(context);
    case 'CAST':
      if (cursor.isOperator('(', 1)) return parseCast(context);
      break;
    case 'INTERVAL':
      if (startsInterval(cursor)) return parseInterval(cursor);
      break;
    case 'N':
      // `N'…'` (T-SQL, MySQL) is a national-character string: the same value, printed per dialect.
      if (next.kind === 'string' && next.start === token.end) {
        cursor.next();
        cursor.next();
        return string(next.value);
      }
      break;
    case 'DATE':
    case 'TIMESTAMP':
      // Typed literals: `DATE '2024-01-31'` is a cast of the string in every engine.
      if (next.kind === 'string') {
        cursor.next();
        cursor.next();
        return cast(string(next.value), keyword === 'DATE' ? 'date' : 'timestamp');
      }
      break;
  }
  if (NILADIC_FUNCTIONS.has(keyword) && !cursor.isOperator('(', 1)) {
    const name = NILADIC_FUNCTIONS.get(keyword);
    if (name === undefined) return cursor.fail(`${keyword} is not supported in a fragment`);
    cursor.next();
    return call(name, []);
  }
  return parseName(context);
}

/**
 * `name`, `table.name` (each part bare or quoted), or a call when `(` follows a bare name. More
 * parts are refused: the semantic layer resolves `source.column` itself, and a schema-qualified
 * column would bypass that.
 */
function parseName(context: ParseContext): Expr {
  const { cursor } = context;
  const first = cursor.next();
  const parts: Token[] = [first];
  while (cursor.acceptOperator('.')) {
    const part = cursor.peek();
    if (part.kind === 'operator' && part.value === '*') {
      cursor.fail('`t.*` is only allowed as a function argument, as in count(t.*)', first.start);
    }
    if (part.kind !== 'word' && part.kind !== 'quoted-name') {
      cursor.fail(`expected a name after \`.\`${cursor.found()}`);
    }
    parts.push(cursor.next());
  }
  const last = parts[parts.length - 1]!;
  if (parts.length > 2) {
    cursor.fail(
      `\`${cursor.text.slice(first.start, last.end)}\` has ${parts.length} name parts: write \`column\` or \`source.column\``,
      first.start,
    );
  }
  if (cursor.isOperator('(')) {
    if (parts.length > 1) cursor.fail('a qualified function name is not supported', first.start);
    if (first.kind !== 'word') {
      cursor.fail('a function name must be a bare word, not a quoted name', first.start);
    }
    return parseCall(context, first);
  }
  return parts.length === 1 ? column(tokenName(first)) : column(tokenName(last), tokenName(first));
}

function parseCast(context: ParseContext): Expr {
  const { cursor } = context;
  cursor.next();
  const open = cursor.next();
  const operand = context.expression();
  cursor.expectKeyword('AS', 'after the CAST operand');
  const type = parseCastType(cursor, 'AS');
  cursor.expectClose(open, 'the CAST');
  return cast(operand, type);
}

function parseParenthesized(context: ParseContext): Expr {
  const { cursor } = context;
  const open = cursor.next();
  const first = cursor.peek();
  if (first.kind === 'word' && QUERY_WORDS.has(first.value)) cursor.fail(SUBQUERY);
  if (cursor.isOperator(')')) cursor.fail('expected an expression inside the parentheses');
  const inner = context.expression();
  cursor.expectClose(open, `the \`(\` at offset ${open.start}`);
  return inner;
}

/** The operand is missing: say after what (`expected an expression after AND`) and what stands there. */
function missingOperand(cursor: TokenCursor): never {
  const previous = cursor.previous();
  const after = previous === undefined ? '' : ` after ${describeToken(previous)}`;
  return cursor.fail(`expected an expression${after}${cursor.found()}`);
}
