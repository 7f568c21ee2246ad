import type { CaseExpr, Expr } from '../ast/expression.js';
import { caseOf, caseWhen, type WhenThen, whenThen } from '../ast/expression-factories.js';
import type { ParseContext } from './parse-context.js';

/** At CASE: the searched form `CASE WHEN c THEN v … [ELSE e] END`, or the simple form `CASE x WHEN v …`. */
export function parseCase(context: ParseContext): CaseExpr {
  const { cursor } = context;
  const start = cursor.next();
  const simple = !cursor.isKeyword('WHEN') && !cursor.isKeyword('ELSE') && !cursor.isKeyword('END');
  const operand = simple ? context.expression() : undefined;
  const whens: WhenThen[] = [];
  while (cursor.acceptKeyword('WHEN')) {
    const when = context.expression();
    cursor.expectKeyword('THEN', 'after the WHEN condition');
    whens.push(whenThen(when, context.expression()));
  }
  if (whens.length === 0) cursor.fail(`expected WHEN in the CASE${cursor.found()}`);
  const otherwise: Expr | undefined = cursor.acceptKeyword('ELSE') ? context.expression() : undefined;
  if (!cursor.isKeyword('END')) {
    cursor.fail(`expected END to close the CASE at offset ${start.start}${cursor.found()}`);
  }
  cursor.next();
  return operand === undefined ? caseWhen(whens, otherwise) : caseOf(operand, whens, otherwise);
}
