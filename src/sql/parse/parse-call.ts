import type { Expr } from '../ast/expression.js';
import { call, star } from '../ast/expression-factories.js';
import { type Token, tokenName } from './expression-token.js';
import type { ParseContext } from './parse-context.js';

/**
 * A call `name(…)` at its `(`: `count(*)`, `count(t.*)`, `count(DISTINCT x)`, nested calls.
 * `count_distinct(x)` is the semantic layer's spelling of `count(DISTINCT x)`. Clauses the node
 * cannot hold are refused with what to write instead: window functions, `FILTER (WHERE …)`,
 * `WITHIN GROUP`, and keyword-separated arguments such as `EXTRACT(year FROM x)`.
 */
export function parseCall(context: ParseContext, nameToken: Token): Expr {
  const { cursor } = context;
  // ASCII only, as engines fold names (and as `call` does).
  const name = nameToken.text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  const open = cursor.next();
  const distinct = cursor.acceptKeyword('DISTINCT') !== undefined;
  if (!distinct) cursor.acceptKeyword('ALL');
  const args: Expr[] = [];
  if (!cursor.isOperator(')')) {
    do args.push(parseArgument(context));
    while (cursor.acceptOperator(','));
  }
  if (cursor.isKeyword('FROM')) {
    cursor.fail(`\`${name}(… FROM …)\` is not supported: pass the arguments separated by commas`);
  }
  if (cursor.isKeyword('ORDER')) cursor.fail('ORDER BY inside a call is not supported');
  if (!cursor.isOperator(')') && cursor.peek().kind !== 'end') {
    cursor.fail(`expected \`,\` or \`)\` after an argument of ${name}${cursor.found()}`);
  }
  cursor.expectClose(open, `the arguments of ${name}`);
  if (args.some((arg) => arg.kind === 'star') && (args.length > 1 || distinct)) {
    cursor.fail('`*` must be the only argument, as in count(*)', open.end);
  }
  refuseTrailingClause(context);
  if (name === 'count_distinct') {
    if (args.length !== 1 || args[0]!.kind === 'star') {
      cursor.fail('count_distinct takes exactly one argument', nameToken.start);
    }
    return call('count', args, { distinct: true });
  }
  return call(name, args, { distinct });
}

/** `*` or `t.*` when it is the whole argument; any other argument is an expression. */
function parseArgument(context: ParseContext): Expr {
  const { cursor } = context;
  if (cursor.acceptOperator('*')) return star();
  const first = cursor.peek();
  if (
    (first.kind === 'word' || first.kind === 'quoted-name') &&
    cursor.isOperator('.', 1) &&
    cursor.isOperator('*', 2)
  ) {
    cursor.next();
    cursor.next();
    cursor.next();
    return star(tokenName(first));
  }
  return context.expression();
}

function refuseTrailingClause(context: ParseContext): void {
  const { cursor } = context;
  if (cursor.isKeyword('OVER')) cursor.fail('window functions (`OVER`) are not allowed here');
  if (cursor.isKeyword('FILTER') && cursor.isOperator('(', 1)) {
    cursor.fail("`FILTER (WHERE …)` is not supported here: use the measure's `filter`");
  }
  if (cursor.isKeyword('WITHIN') && cursor.isKeyword('GROUP', 1)) {
    cursor.fail('`WITHIN GROUP` is not supported: write `percentile(x, p)` or `median(x)`');
  }
}
