import type { Expr } from '../ast/expression.js';

/**
 * A compact S-expression for test tables: `(and (= t.a 1) b)`. Names print bare, strings as JSON,
 * a unary minus as `(- x)` (one operand) and negated forms with a `not-` prefix.
 */
export function showExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'column':
      return expr.table === undefined ? expr.name : `${expr.table}.${expr.name}`;
    case 'star':
      return expr.table === undefined ? '*' : `${expr.table}.*`;
    case 'number':
      return expr.text;
    case 'string':
      return JSON.stringify(expr.value);
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'call':
      return list([expr.name, ...(expr.distinct ? ['distinct'] : []), ...expr.args.map(showExpression)]);
    case 'binary':
      return list([expr.op, showExpression(expr.left), showExpression(expr.right)]);
    case 'unary':
      return list([expr.op, showExpression(expr.operand)]);
    case 'is-null':
      return list([expr.negated ? 'is-not-null' : 'is-null', showExpression(expr.operand)]);
    case 'in':
      return list([
        expr.negated ? 'not-in' : 'in',
        showExpression(expr.operand),
        ...expr.values.map(showExpression),
      ]);
    case 'between':
      return list([
        expr.negated ? 'not-between' : 'between',
        showExpression(expr.operand),
        showExpression(expr.low),
        showExpression(expr.high),
      ]);
    case 'case':
      return list([
        'case',
        ...(expr.operand === undefined ? [] : [showExpression(expr.operand)]),
        ...expr.whens.map((branch) =>
          list(['when', showExpression(branch.when), showExpression(branch.then)]),
        ),
        ...(expr.else === undefined ? [] : [list(['else', showExpression(expr.else)])]),
      ]);
    case 'cast':
      return list(['cast', showExpression(expr.operand), expr.type]);
    case 'interval':
      return list(['interval', String(expr.amount), expr.unit]);
    case 'time-trunc':
      return list(['time-trunc', expr.grain, showExpression(expr.operand)]);
    case 'time-add':
      return list(['time-add', showExpression(expr.operand), String(expr.amount), expr.unit]);
    case 'safe-divide':
      return list(['safe-divide', showExpression(expr.left), showExpression(expr.right)]);
    case 'null-safe-equals':
      return list(['<=>', showExpression(expr.left), showExpression(expr.right)]);
    case 'raw':
      return list(['raw', JSON.stringify(expr.sql)]);
  }
}

function list(items: readonly string[]): string {
  return `(${items.join(' ')})`;
}
