import { assertNever } from '../../core/index.js';
import type { ColumnRef, Expr } from './expression.js';
import { caseOf, caseWhen, whenThen } from './expression-factories.js';

/**
 * Aggregate function names (lower-case, as `call` nodes hold them). A call to one of these makes an
 * expression an aggregate: a measure, or a HAVING rather than a WHERE clause.
 */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
  'stddev',
  'stddev_pop',
  'stddev_samp',
  'variance',
  'var_pop',
  'var_samp',
  'any_value',
  'bool_and',
  'bool_or',
  'string_agg',
  'group_concat',
  'listagg',
  'array_agg',
]);

/** The direct children of a node, in source order. */
export function exprChildren(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'column':
    case 'star':
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
    case 'interval':
    case 'raw':
      return [];
    case 'call':
      return expr.args;
    case 'binary':
    case 'safe-divide':
    case 'null-safe-equals':
      return [expr.left, expr.right];
    case 'unary':
    case 'is-null':
    case 'cast':
    case 'time-trunc':
    case 'time-add':
      return [expr.operand];
    case 'in':
      return [expr.operand, ...expr.values];
    case 'between':
      return [expr.operand, expr.low, expr.high];
    case 'case': {
      const children: Expr[] = expr.operand === undefined ? [] : [expr.operand];
      for (const { when, then } of expr.whens) children.push(when, then);
      if (expr.else !== undefined) children.push(expr.else);
      return children;
    }
    default:
      return assertNever(expr, 'expression kind');
  }
}

/**
 * Visits `expr` and its descendants depth-first, parents before children. Returning `false` from
 * `visit` skips that node's children. Iterative, so a deep tree cannot overflow the stack.
 */
export function walkExpr(expr: Expr, visit: (node: Expr) => boolean | undefined): void {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children = exprChildren(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/**
 * Rebuilds `expr` bottom-up: children are mapped first, then `fn` sees the node (rebuilt only if a
 * child changed) and returns it or a replacement. Unchanged subtrees keep their identity, so a caller
 * can test `mapExpr(e, fn) === e` to learn that nothing was rewritten.
 */
export function mapExpr(expr: Expr, fn: (node: Expr) => Expr): Expr {
  return fn(mapChildren(expr, (child) => mapExpr(child, fn)));
}

/** Rebuilds `expr` with each direct child mapped (not recursively); the same object when nothing changed. */
export function mapChildren(expr: Expr, map: (node: Expr) => Expr): Expr {
  switch (expr.kind) {
    case 'column':
    case 'star':
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
    case 'interval':
    case 'raw':
      return expr;
    case 'call': {
      const args = mapList(expr.args, map);
      return args === expr.args ? expr : { ...expr, args };
    }
    case 'binary':
    case 'safe-divide':
    case 'null-safe-equals': {
      const left = map(expr.left);
      const right = map(expr.right);
      return left === expr.left && right === expr.right ? expr : { ...expr, left, right };
    }
    case 'unary':
    case 'is-null':
    case 'cast':
    case 'time-trunc':
    case 'time-add': {
      const operand = map(expr.operand);
      return operand === expr.operand ? expr : { ...expr, operand };
    }
    case 'in': {
      const operand = map(expr.operand);
      const values = mapList(expr.values, map);
      return operand === expr.operand && values === expr.values ? expr : { ...expr, operand, values };
    }
    case 'between': {
      const operand = map(expr.operand);
      const low = map(expr.low);
      const high = map(expr.high);
      return operand === expr.operand && low === expr.low && high === expr.high
        ? expr
        : { ...expr, operand, low, high };
    }
    case 'case': {
      const operand = expr.operand === undefined ? undefined : map(expr.operand);
      let changed = operand !== expr.operand;
      const whens = expr.whens.map((branch) => {
        const when = map(branch.when);
        const then = map(branch.then);
        if (when === branch.when && then === branch.then) return branch;
        changed = true;
        return whenThen(when, then);
      });
      const otherwise = expr.else === undefined ? undefined : map(expr.else);
      if (!changed && otherwise === expr.else) return expr;
      return operand === undefined ? caseWhen(whens, otherwise) : caseOf(operand, whens, otherwise);
    }
    default:
      return assertNever(expr, 'expression kind');
  }
}

/** The same array when no element changed, so unchanged nodes keep their identity. */
function mapList(list: readonly Expr[], map: (node: Expr) => Expr): readonly Expr[] {
  let result: Expr[] | undefined;
  for (let index = 0; index < list.length; index++) {
    const mapped = map(list[index]!);
    if (result === undefined && mapped !== list[index]) result = list.slice(0, index);
    result?.push(mapped);
  }
  return result ?? list;
}

/**
 * The distinct column references in `expr`, in order of first appearance (`t.a` and `a` differ).
 * Names inside `raw` SQL are invisible here.
 */
export function columnRefs(expr: Expr): ColumnRef[] {
  const seen = new Set<string>();
  const refs: ColumnRef[] = [];
  walkExpr(expr, (node) => {
    if (node.kind === 'column') {
      const key = JSON.stringify([node.table ?? null, node.name]);
      if (!seen.has(key)) refs.push(node);
      seen.add(key);
    }
    return true;
  });
  return refs;
}

/** True when `expr` calls an aggregate function anywhere (`raw` SQL is not looked into). */
export function containsAggregate(expr: Expr): boolean {
  let found = false;
  walkExpr(expr, (node) => {
    if (found) return false;
    if (node.kind === 'call' && AGGREGATE_FUNCTIONS.has(node.name)) found = true;
    return !found;
  });
  return found;
}

/** The top-level conjuncts: `a AND (b AND c)` → `[a, b, c]`; anything else → `[expr]`. */
export function splitConjuncts(expr: Expr): Expr[] {
  const conjuncts: Expr[] = [];
  walkExpr(expr, (node) => {
    if (node.kind === 'binary' && node.op === 'and') return true;
    conjuncts.push(node);
    return false;
  });
  return conjuncts;
}
