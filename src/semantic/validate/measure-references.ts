import { AGGREGATE_FUNCTIONS, type ColumnRef, type Expr, exprChildren } from '../../sql/index.js';

/** How a measure expression uses names: column refs inside aggregates, measure refs outside them. */
export interface MeasureReferences {
  /** Aggregate calls not nested in another aggregate. */
  readonly aggregates: number;
  /** An aggregate inside another (`avg(sum(x))`), which the reference rejects. */
  readonly nested: boolean;
  /** References outside every aggregate: names of other measures in a derived measure. */
  readonly outside: readonly ColumnRef[];
  /** References inside aggregates: columns of the source (or of its many-to-one parents). */
  readonly inside: readonly ColumnRef[];
}

export function measureReferences(expr: Expr): MeasureReferences {
  let aggregates = 0;
  let nested = false;
  const outside: ColumnRef[] = [];
  const inside: ColumnRef[] = [];
  const visit = (node: Expr, depth: number): void => {
    if (node.kind === 'column') (depth > 0 ? inside : outside).push(node);
    const aggregate = node.kind === 'call' && AGGREGATE_FUNCTIONS.has(node.name);
    if (aggregate && depth === 0) aggregates++;
    if (aggregate && depth > 0) nested = true;
    for (const child of exprChildren(node)) visit(child, depth + (aggregate ? 1 : 0));
  };
  visit(expr, 0);
  return { aggregates, nested, outside, inside };
}
