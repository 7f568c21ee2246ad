import type { DialectName, Expr, Select } from '../../sql/index.js';
import { printQuery, sqlExpr } from '../../sql/index.js';
import type { ColumnsRef } from './relationship.js';

function select(partial: Partial<Select> & Pick<Select, 'columns'>): Select {
  return { kind: 'select', ctes: [], distinct: false, joins: [], groupBy: [], orderBy: [], ...partial };
}

function notNull(columns: readonly string[], table?: string): Expr {
  return sqlExpr.and(...columns.map((column) => sqlExpr.isNull(sqlExpr.column(column, table), true)))!;
}

function distinctKeys(ref: ColumnsRef, alias: string): Select {
  return select({
    distinct: true,
    columns: ref.columns.map((column, index) => ({
      expr: sqlExpr.column(column, alias),
      alias: `k${index}`,
    })),
    from: { kind: 'table', path: [ref.schema, ref.table], alias },
    where: notNull(ref.columns, alias),
  });
}

/**
 * Inclusion check of `source` in `target`: distinct non-null source values (tuples) and how many of
 * them exist among the target's values. A LEFT JOIN of two DISTINCT sets, which every engine plans as
 * a hash join (SQLite builds an automatic index), so an unindexed target is not scanned per value.
 * Result columns: source_distinct, matched.
 */
export function containmentSql(dialect: DialectName, source: ColumnsRef, target: ColumnsRef): string {
  const on = sqlExpr.and(
    ...source.columns.map((_, index) =>
      sqlExpr.eq(sqlExpr.column(`k${index}`, 's'), sqlExpr.column(`k${index}`, 't')),
    ),
  )!;
  const query = select({
    ctes: [
      { name: 'source_keys', query: distinctKeys(source, 'src') },
      { name: 'target_keys', query: distinctKeys(target, 'tgt') },
    ],
    columns: [
      { expr: sqlExpr.call('count', [sqlExpr.star()]), alias: 'source_distinct' },
      { expr: sqlExpr.call('count', [sqlExpr.column('k0', 't')]), alias: 'matched' },
    ],
    from: { kind: 'cte-ref', name: 'source_keys', alias: 's' },
    joins: [{ type: 'left', item: { kind: 'cte-ref', name: 'target_keys', alias: 't' }, on }],
  });
  return printQuery(query, dialect);
}

/**
 * Key check of `ref`: total rows, rows with every key column non-null, and distinct key tuples among
 * them. Result columns: total_rows, keyed_rows, distinct_keys.
 */
export function keyCheckSql(dialect: DialectName, ref: ColumnsRef): string {
  const keyed = sqlExpr.caseWhen(
    [sqlExpr.whenThen(notNull(ref.columns, 'r'), sqlExpr.number(1))],
    sqlExpr.number(0),
  );
  const query = select({
    ctes: [
      { name: 'keys', query: distinctKeys(ref, 'd') },
      {
        name: 'key_count',
        query: select({
          columns: [{ expr: sqlExpr.call('count', [sqlExpr.star()]), alias: 'distinct_keys' }],
          from: { kind: 'cte-ref', name: 'keys', alias: 'k' },
        }),
      },
      {
        name: 'row_count',
        query: select({
          columns: [
            { expr: sqlExpr.call('count', [sqlExpr.star()]), alias: 'total_rows' },
            { expr: sqlExpr.call('sum', [keyed]), alias: 'keyed_rows' },
          ],
          from: { kind: 'table', path: [ref.schema, ref.table], alias: 'r' },
        }),
      },
    ],
    columns: [
      { expr: sqlExpr.column('total_rows', 'rc') },
      { expr: sqlExpr.column('keyed_rows', 'rc') },
      { expr: sqlExpr.column('distinct_keys', 'kc') },
    ],
    from: { kind: 'cte-ref', name: 'row_count', alias: 'rc' },
    joins: [{ type: 'cross', item: { kind: 'cte-ref', name: 'key_count', alias: 'kc' } }],
  });
  return printQuery(query, dialect);
}
