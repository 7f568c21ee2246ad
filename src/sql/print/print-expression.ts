import { assertNever } from '../../core/index.js';
import type { BinaryOp, Expr } from '../ast/expression.js';
import type { DialectName } from '../dialect-name.js';
import type { DialectPrinting } from './dialect-printing.js';
import { atom, binaryShape, compound, embed, operand, type Printed } from './precedence.js';
import { printFunctionCall } from './print-function-call.js';
import { getPrinting } from './printing-registry.js';
import { invalidAst } from './sql-text.js';

/**
 * Where an expression is used. A `predicate` sits in WHERE, HAVING, ON, a CASE condition or under
 * AND/OR/NOT; a `value` everywhere else. Only `booleanStyle: 'bit'` dialects print differently.
 */
export type ExprContext = 'value' | 'predicate';

/** Digits with an optional fraction and exponent; the sign, if any, is part of the literal's text. */
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Prints one expression for `dialect`; `context` says whether it stands as a value (default) or a predicate. */
export function printExpr(
  expr: Expr,
  dialect: DialectName | DialectPrinting,
  options: { readonly context?: ExprContext } = {},
): string {
  const printing = typeof dialect === 'string' ? getPrinting(dialect) : dialect;
  return printExpression(expr, printing, options.context ?? 'value').sql;
}

/** The printer's entry point for expressions, keeping the shape so callers can parenthesise. */
export function printExpression(expr: Expr, printing: DialectPrinting, context: ExprContext): Printed {
  const natural = printNatural(expr, printing);
  switch (printing.booleanStyle) {
    case 'native':
      return natural;
    case 'bit': {
      const predicate = isPredicate(expr);
      if (context === 'value' && predicate) {
        return atom(`CASE WHEN ${natural.sql} THEN 1 WHEN NOT ${embed(natural)} THEN 0 END`);
      }
      if (context === 'predicate' && !predicate && expr.kind !== 'raw')
        return atom(`(${embed(natural)} = 1)`);
      return natural;
    }
    default:
      return assertNever(printing.booleanStyle, 'boolean style');
  }
}

function printNatural(expr: Expr, printing: DialectPrinting): Printed {
  const value = (child: Expr) => printExpression(child, printing, 'value');
  const predicate = (child: Expr) => printExpression(child, printing, 'predicate');
  const name = (part: string) => printing.quoteIdentifier(part);
  switch (expr.kind) {
    case 'column':
      return atom(expr.table === undefined ? name(expr.name) : `${name(expr.table)}.${name(expr.name)}`);
    case 'star':
      return atom(expr.table === undefined ? '*' : `${name(expr.table)}.*`);
    case 'number':
      if (!NUMBER.test(expr.text)) throw invalidAst(`"${expr.text}" is not a number literal`);
      return expr.text.startsWith('-') ? compound(expr.text) : atom(expr.text);
    case 'string':
      return atom(printing.stringLiteral(expr.value));
    case 'boolean':
      return atom(printing.booleanLiteral(expr.value));
    case 'null':
      return atom('NULL');
    case 'call':
      return atom(printFunctionCall(expr, printing, value));
    case 'binary':
      return printBinary(expr, printing);
    case 'unary':
      if (expr.op === 'not') return { sql: `NOT ${embed(predicate(expr.operand))}`, shape: 'not' };
      return compound(`${expr.op}${embedSigned(value(expr.operand))}`);
    case 'is-null':
      return comparison(
        `${operand(value(expr.operand), 'comparison', 'left')} IS ${expr.negated ? 'NOT ' : ''}NULL`,
      );
    case 'in': {
      if (expr.values.length === 0) throw invalidAst('IN needs at least one value');
      const values = expr.values.map((item) => value(item).sql).join(', ');
      const left = operand(value(expr.operand), 'comparison', 'left');
      return comparison(`${left} ${expr.negated ? 'NOT IN' : 'IN'} (${values})`);
    }
    case 'between': {
      const left = operand(value(expr.operand), 'comparison', 'left');
      const range = `${embed(value(expr.low))} AND ${embed(value(expr.high))}`;
      return compound(`${left} ${expr.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${range}`);
    }
    case 'case': {
      if (expr.whens.length === 0) throw invalidAst('CASE needs at least one WHEN');
      const simple = expr.operand !== undefined;
      const parts = ['CASE'];
      if (expr.operand !== undefined) parts.push(value(expr.operand).sql);
      for (const arm of expr.whens) {
        const when = simple ? value(arm.when) : predicate(arm.when);
        parts.push(`WHEN ${when.sql} THEN ${value(arm.then).sql}`);
      }
      if (expr.else !== undefined) parts.push(`ELSE ${value(expr.else).sql}`);
      parts.push('END');
      return atom(parts.join(' '));
    }
    case 'cast':
      return atom(printing.cast(embed(value(expr.operand)), expr.type));
    case 'interval':
      return atom(printing.interval(expr.unit, expr.amount));
    case 'time-trunc':
      return atom(printing.timeTrunc(expr.grain, embed(value(expr.operand))));
    case 'time-add':
      return atom(printing.timeAdd(expr.unit, expr.amount, embed(value(expr.operand))));
    case 'safe-divide':
      return compound(printing.safeDivide(embed(value(expr.left)), embed(value(expr.right))));
    case 'null-safe-equals':
      return compound(printing.nullSafeEquals(embed(value(expr.left)), embed(value(expr.right))));
    case 'raw':
      // A trailing `--` comment would swallow the closing parenthesis, so it gets its own line.
      return atom(`(${expr.sql}${expr.sql.includes('--') ? '\n' : ''})`);
    default:
      return assertNever(expr, 'expression');
  }
}

function printBinary(expr: BinaryOp, printing: DialectPrinting): Printed {
  if (expr.op === '||') {
    const parts = concatOperands(expr).map((part) => embed(printExpression(part, printing, 'value')));
    return compound(printing.concat(parts));
  }
  const context: ExprContext = expr.op === 'and' || expr.op === 'or' ? 'predicate' : 'value';
  const left = printExpression(expr.left, printing, context);
  const right = printExpression(expr.right, printing, context);
  if (expr.op === '%') return compound(printing.modulo(embed(left), embed(right)));
  const shape = binaryShape(expr.op);
  const sql = `${operand(left, shape, 'left', expr.op)} ${expr.op.toUpperCase()} ${operand(right, shape, 'right', expr.op)}`;
  return { sql, shape, op: expr.op };
}

/** `a || b || c` however it nests, so MySQL and T-SQL get one CONCAT of three. */
function concatOperands(expr: Expr): Expr[] {
  return expr.kind === 'binary' && expr.op === '||'
    ? [...concatOperands(expr.left), ...concatOperands(expr.right)]
    : [expr];
}

/** Operand of a unary sign: parenthesised unless an atom that does not itself start with a sign (`- -1` is a comment). */
function embedSigned(child: Printed): string {
  return child.shape === 'atom' && !/^[-+]/.test(child.sql) ? child.sql : `(${child.sql})`;
}

const comparison = (sql: string): Printed => ({ sql, shape: 'comparison' });

/** True for expressions whose value is a truth value (comparisons, logic, IS NULL, IN, BETWEEN). */
function isPredicate(expr: Expr): boolean {
  switch (expr.kind) {
    case 'binary':
      return binaryShape(expr.op) === 'comparison' || expr.op === 'and' || expr.op === 'or';
    case 'unary':
      return expr.op === 'not';
    case 'is-null':
    case 'in':
    case 'between':
    case 'null-safe-equals':
      return true;
    case 'column':
    case 'star':
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
    case 'call':
    case 'case':
    case 'cast':
    case 'interval':
    case 'time-trunc':
    case 'time-add':
    case 'safe-divide':
    case 'raw':
      return false;
    default:
      return assertNever(expr, 'expression');
  }
}
