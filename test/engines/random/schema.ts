/** The shapes a random world is made of: tables with rows, the links between them, measures. */

export type Value = string | number | null;
export type Row = Readonly<Record<string, Value>>;

export interface RandomColumn {
  readonly name: string;
  readonly type: 'integer' | 'decimal' | 'text';
  readonly role: 'key' | 'foreign-key' | 'number' | 'attribute';
  /** The few values an attribute takes (besides NULL). */
  readonly pool?: readonly string[];
}

export interface RandomTable {
  /** Source name in the semantic layer. */
  readonly name: string;
  /** Physical table name: differs from the source name so the two are never confused. */
  readonly relation: string;
  readonly columns: readonly RandomColumn[];
  readonly rows: readonly Row[];
}

/** `child.fk = parent.id`, many-to-one from the child. An `alias` makes the parent a role of its own. */
export interface Link {
  readonly child: string;
  readonly parent: string;
  readonly fk: string;
  readonly alias?: string;
  /** The join is written on the child (many_to_one) or on the parent (one_to_many). */
  readonly declaredOn: 'child' | 'parent';
  readonly on: string;
}

/** A one-column predicate; `node` is a source or an alias. */
export interface Predicate {
  readonly node: string;
  readonly column: string;
  readonly op: '=' | '<>' | 'in' | 'is null' | 'is not null';
  readonly values: readonly string[];
}

/** A query's row filter: one predicate, or several OR-ed (then usually on different nodes). */
export interface RowFilter {
  readonly anyOf: readonly Predicate[];
}

export function rowFilterSql(filter: RowFilter): string {
  const parts = filter.anyOf.map((predicate) => predicateSql(predicate));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

export type Aggregate = 'sum' | 'count' | 'count_column' | 'count_distinct' | 'min' | 'max' | 'avg';

export interface BaseMeasure {
  readonly kind: 'base';
  readonly name: string;
  readonly owner: string;
  readonly aggregate: Aggregate;
  readonly column?: string;
  readonly columnType?: RandomColumn['type'];
  /** Where `column` is read when not on the owner: a many-to-one parent (or alias) of it. */
  readonly columnNode?: string;
  readonly filter?: Predicate;
}

/** `numerator / denominator`, both base measures of the same owner. */
export interface RatioMeasure {
  readonly kind: 'ratio';
  readonly name: string;
  readonly owner: string;
  readonly numerator: BaseMeasure;
  readonly denominator: BaseMeasure;
}

export type RandomMeasure = BaseMeasure | RatioMeasure;

export interface RandomSchema {
  readonly seed: number;
  readonly tables: readonly RandomTable[];
  readonly links: readonly Link[];
  readonly measures: readonly RandomMeasure[];
}

export function tableOf(schema: RandomSchema, name: string): RandomTable {
  const table = schema.tables.find((each) => each.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

/** Every addressable node: each table under its own name, each alias under the alias. */
export function nodesOf(schema: RandomSchema): { node: string; table: RandomTable }[] {
  return [
    ...schema.tables.map((table) => ({ node: table.name, table })),
    ...schema.links.flatMap((link) =>
      link.alias ? [{ node: link.alias, table: tableOf(schema, link.parent) }] : [],
    ),
  ];
}

export function isCount(measure: BaseMeasure): boolean {
  return (
    measure.aggregate === 'count' ||
    measure.aggregate === 'count_column' ||
    measure.aggregate === 'count_distinct'
  );
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL text of a predicate; `qualify` false writes the bare column (an owner's own column). */
export function predicateSql(predicate: Predicate, qualify = true): string {
  const column = qualify ? `${predicate.node}.${predicate.column}` : predicate.column;
  switch (predicate.op) {
    case '=':
    case '<>':
      return `${column} ${predicate.op} ${quote(predicate.values[0]!)}`;
    case 'in':
      return `${column} IN (${predicate.values.map(quote).join(', ')})`;
    case 'is null':
      return `${column} IS NULL`;
    case 'is not null':
      return `${column} IS NOT NULL`;
  }
}

/** `sum(x)`, `count(*)`, `count(distinct x)`…, with the column written as given. */
export function aggregateSql(measure: BaseMeasure, column: string | undefined): string {
  switch (measure.aggregate) {
    case 'count':
      return 'count(*)';
    case 'count_column':
      return `count(${column})`;
    case 'count_distinct':
      return `count(distinct ${column})`;
    default:
      return `${measure.aggregate}(${column})`;
  }
}
