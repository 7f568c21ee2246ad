import { assertNever } from '../../core/index.js';
import type { BinaryOperator } from '../ast/expression.js';

/**
 * What kind of text a printed expression is, for deciding where parentheses go. `atom` is
 * self-delimited (a name, literal, call, `CASE … END`, or anything already in parentheses); the
 * others are bare infix text. `compound` is infix text whose precedence we do not rely on anywhere
 * (unary minus, BETWEEN, dialect operators such as `<=>` or `IS NOT DISTINCT FROM`): it is always
 * parenthesised when nested.
 */
export type Shape = 'atom' | 'or' | 'and' | 'not' | 'comparison' | 'additive' | 'multiplicative' | 'compound';

export interface Printed {
  readonly sql: string;
  readonly shape: Shape;
  /** The operator of an arithmetic result, so `a * b * c` needs no parentheses but `a * (b / c)` does. */
  readonly op?: BinaryOperator;
}

export const atom = (sql: string): Printed => ({ sql, shape: 'atom' });
export const compound = (sql: string): Printed => ({ sql, shape: 'compound' });

/** The printed text, parenthesised unless it is an atom. For slots that sit next to an operator. */
export function embed(child: Printed): string {
  return child.shape === 'atom' ? child.sql : `(${child.sql})`;
}

/**
 * The printed text as an operand of `parent`, parenthesised unless leaving it bare is correct in every
 * dialect ktx prints. Only precedence facts that hold in all of them are used: arithmetic binds tighter
 * than comparison, comparison tighter than NOT, NOT tighter than AND, AND tighter than OR, and
 * same-level arithmetic is left-associative. Everything else is parenthesised.
 */
export function operand(child: Printed, parent: Shape, side: 'left' | 'right', parentOp?: BinaryOperator) {
  return fitsBare(child, parent, side, parentOp) ? child.sql : `(${child.sql})`;
}

function fitsBare(child: Printed, parent: Shape, side: 'left' | 'right', parentOp?: BinaryOperator) {
  if (child.shape === 'atom') return true;
  switch (parent) {
    case 'or':
      return ['or', 'and', 'not', 'comparison'].includes(child.shape);
    case 'and':
      return ['and', 'not', 'comparison'].includes(child.shape);
    case 'comparison':
      return child.shape === 'additive' || child.shape === 'multiplicative';
    case 'additive':
      return child.shape === 'multiplicative' || (child.shape === 'additive' && side === 'left');
    case 'multiplicative':
      return child.shape === 'multiplicative' && side === 'left' && child.op === parentOp;
    case 'not':
    case 'atom':
    case 'compound':
      return false;
    default:
      return assertNever(parent, 'expression shape');
  }
}

/** The shape a binary operator gives its result. */
export function binaryShape(op: BinaryOperator): Shape {
  switch (op) {
    case 'or':
      return 'or';
    case 'and':
      return 'and';
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'like':
    case 'not like':
      return 'comparison';
    case '+':
    case '-':
      return 'additive';
    case '*':
    case '/':
      return 'multiplicative';
    case '%':
    case '||':
      return 'compound';
    default:
      return assertNever(op, 'binary operator');
  }
}
