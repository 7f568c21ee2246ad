import type { CastType, Expr, OrderItem, QueryNode, Select, SelectItem } from '../../src/sql/index.js';
import { sqlExpr as e } from '../../src/sql/index.js';
import type { Cell } from './print-engines.js';

/** A column of an inline table; with `type`, every value is cast to it (so NULLs are typed too). */
export interface InlineColumn {
  readonly name: string;
  readonly type?: CastType;
}

/** A literal for a JS value: strings, numbers (kept exact) and NULL. */
export function literal(value: Cell): Expr {
  if (value === null) return e.nullLiteral();
  return typeof value === 'number' ? e.number(value) : e.string(value);
}

/** Rows as `SELECT … UNION ALL SELECT …`, printed by the printer itself (no VALUES: its syntax varies). */
export function inlineRows(columns: readonly InlineColumn[], rows: readonly Cell[][]): QueryNode {
  const selects = rows.map(
    (row): Select => ({
      kind: 'select',
      ctes: [],
      distinct: false,
      columns: columns.map((column, index) => {
        const value = literal(row[index] ?? null);
        return { expr: column.type ? e.cast(value, column.type) : value, alias: column.name };
      }),
      joins: [],
      groupBy: [],
      orderBy: [],
    }),
  );
  return { kind: 'union', all: true, selects };
}

/** `WITH input AS (<rows>) SELECT <columns> FROM input AS i [GROUP BY …] [ORDER BY …]`. */
export function selectFromRows(
  input: QueryNode,
  columns: readonly SelectItem[],
  options: { groupBy?: readonly Expr[]; orderBy?: readonly OrderItem[]; where?: Expr } = {},
): Select {
  return {
    kind: 'select',
    ctes: [{ name: 'input', query: input }],
    distinct: false,
    columns,
    from: { kind: 'cte-ref', name: 'input', alias: 'i' },
    joins: [],
    groupBy: options.groupBy ?? [],
    orderBy: options.orderBy ?? [],
    ...(options.where ? { where: options.where } : {}),
  };
}

/** `i.<name>`: a column of the inline input. */
export const input = (name: string): Expr => e.column(name, 'i');
