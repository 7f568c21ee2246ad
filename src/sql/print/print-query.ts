import { assertNever } from '../../core/index.js';
import type { FromItem, Join, QueryNode, RawQuery, Select, SetOperation } from '../ast/query.js';
import type { DialectName } from '../dialect-name.js';
import type { DialectPrinting } from './dialect-printing.js';
import { hoistCtes } from './hoist-ctes.js';
import { printExpression } from './print-expression.js';
import { getPrinting } from './printing-registry.js';
import { clause, indent, line, renderLines, type SqlLine } from './sql-lines.js';
import { invalidAst } from './sql-text.js';

export interface PrintQueryOptions {
  /** One clause per line with indented CTE bodies (golden files, `--format sql`); default one line. */
  readonly pretty?: boolean;
}

/**
 * Prints a query for `dialect`. Every CTE, however deeply nested in the AST, is hoisted into one
 * leading WITH (inner ones first), since T-SQL refuses nested WITH and SQLite refuses a WITH inside a
 * compound member. ORDER BY survives on the outermost SELECT and on nested SELECTs that also limit
 * (elsewhere it means nothing, and T-SQL refuses it); a union member that limits becomes a derived
 * table (SQLite allows no LIMIT on a compound member).
 */
export function printQuery(
  node: QueryNode,
  dialect: DialectName | DialectPrinting,
  options: PrintQueryOptions = {},
): string {
  const printing = typeof dialect === 'string' ? getPrinting(dialect) : dialect;
  const { ctes, body } = hoistCtes(node);
  const lines: SqlLine[] = [];
  if (ctes.length > 0) {
    lines.push(line('WITH'));
    ctes.forEach((cte, index) => {
      lines.push(line(`${printing.quoteIdentifier(cte.name)} AS (`));
      lines.push(...indent(cteBodyLines(cte.query, printing)));
      lines.push(line(index < ctes.length - 1 ? '),' : ')'));
    });
  }
  lines.push(...queryLines(body, printing, false));
  return renderLines(lines, options.pretty === true);
}

function cteBodyLines(query: QueryNode | RawQuery, printing: DialectPrinting): SqlLine[] {
  if (query.kind !== 'raw-query') return queryLines(query, printing, true);
  // Trusted SQL, verbatim; only a trailing `;` (which would end the statement early) is dropped.
  return [{ text: query.sql.replace(/[\s;]+$/, ''), depth: 0, verbatim: true }];
}

function queryLines(node: QueryNode, printing: DialectPrinting, nested: boolean): SqlLine[] {
  switch (node.kind) {
    case 'select':
      return selectLines(node, printing, nested);
    case 'union':
      return unionLines(node, printing);
    default:
      return assertNever(node, 'query node');
  }
}

function unionLines(node: SetOperation, printing: DialectPrinting): SqlLine[] {
  if (node.selects.length === 0) throw invalidAst('a UNION needs at least one SELECT');
  const keyword = node.all ? 'UNION ALL' : printing.unionDistinct;
  return node.selects.flatMap((select, index) => {
    const member =
      select.limit === undefined
        ? selectLines(select, printing, true)
        : [
            line('SELECT * FROM ('),
            ...indent(selectLines(select, printing, true)),
            line(`) AS ${printing.quoteIdentifier(`ktx_union_${index + 1}`)}`),
          ];
    return index === 0 ? member : [line(keyword), ...member];
  });
}

function selectLines(select: Select, printing: DialectPrinting, nested: boolean): SqlLine[] {
  if (select.columns.length === 0) throw invalidAst('a SELECT needs at least one column');
  const value = (expr: Select['columns'][number]['expr']) => printExpression(expr, printing, 'value').sql;
  const predicate = (expr: NonNullable<Select['where']>) => printExpression(expr, printing, 'predicate').sql;
  const limit = select.limit;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw invalidAst(`LIMIT ${limit} is not a whole number of rows`);
  }

  const head = ['SELECT'];
  if (select.distinct) head.push('DISTINCT');
  if (limit !== undefined && printing.limitStyle === 'top') head.push(`TOP (${limit})`);
  const columns = select.columns.map((item) =>
    item.alias === undefined
      ? value(item.expr)
      : `${value(item.expr)} AS ${printing.quoteIdentifier(item.alias)}`,
  );
  const lines = clause(head.join(' '), columns);
  if (select.from !== undefined) lines.push(line(`FROM ${fromItem(select.from, printing)}`));
  else if (select.joins.length > 0) throw invalidAst('JOIN without FROM');
  for (const join of select.joins) lines.push(line(joinText(join, printing, predicate)));
  if (select.where !== undefined) lines.push(line(`WHERE ${predicate(select.where)}`));
  if (select.groupBy.length > 0) lines.push(...clause('GROUP BY', select.groupBy.map(value)));
  if (select.having !== undefined) lines.push(line(`HAVING ${predicate(select.having)}`));
  if (select.orderBy.length > 0 && (!nested || limit !== undefined)) {
    const items = select.orderBy.map(
      (item) => `${value(item.expr)} ${item.direction === 'desc' ? 'DESC' : 'ASC'}`,
    );
    lines.push(...clause('ORDER BY', items));
  }
  if (limit !== undefined) lines.push(...limitLines(limit, printing));
  return lines;
}

function limitLines(limit: number, printing: DialectPrinting): SqlLine[] {
  switch (printing.limitStyle) {
    case 'limit':
      return [line(`LIMIT ${limit}`)];
    case 'top':
      return []; // printed after SELECT
    default:
      return assertNever(printing.limitStyle, 'limit style');
  }
}

function fromItem(item: FromItem, printing: DialectPrinting): string {
  const quote = (name: string) => printing.quoteIdentifier(name);
  switch (item.kind) {
    case 'table':
      if (item.path.length === 0) throw invalidAst('a table reference needs a name');
      return `${item.path.map(quote).join('.')} AS ${quote(item.alias)}`;
    case 'cte-ref':
      return `${quote(item.name)} AS ${quote(item.alias)}`;
    default:
      return assertNever(item, 'FROM item');
  }
}

function joinText(
  join: Join,
  printing: DialectPrinting,
  predicate: (expr: NonNullable<Join['on']>) => string,
) {
  const target = fromItem(join.item, printing);
  switch (join.type) {
    case 'inner':
    case 'left':
      if (join.on === undefined) throw invalidAst(`a ${join.type} join needs ON`);
      return `${join.type === 'inner' ? 'INNER' : 'LEFT'} JOIN ${target} ON ${predicate(join.on)}`;
    case 'cross':
      if (join.on !== undefined) throw invalidAst('a cross join takes no ON');
      return `CROSS JOIN ${target}`;
    default:
      return assertNever(join.type, 'join type');
  }
}
