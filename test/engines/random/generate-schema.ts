import type { Rng } from './prng.js';
import type {
  Aggregate,
  BaseMeasure,
  Link,
  Predicate,
  RandomColumn,
  RandomMeasure,
  RandomSchema,
  RandomTable,
  Row,
  Value,
} from './schema.js';

/**
 * A random star or snowflake. Tables are generic (key, foreign keys, numbers, text attributes), so
 * which one is a "fact" depends on where the query puts its measures: the same world yields star
 * and snowflake paths, chasms (two children of one parent), fan-outs (a dimension on a child of the
 * measured table), and, sometimes, a second path (diamond, maybe equally cheap), a role-playing
 * alias, or two plain joins between the same pair. Rows: 0–60 per table, NULL and dangling foreign
 * keys, parents without children, NULLs in numbers and attributes.
 */

interface Shape {
  name: string;
  numbers: RandomColumn[];
  attributes: RandomColumn[];
}

function shapes(rng: Rng, count: number): Shape[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `t${index}`;
    return {
      name,
      numbers: Array.from({ length: rng.int(0, 2) }, (_, n) => ({
        name: `n${n + 1}`,
        type: rng.chance(0.6) ? ('integer' as const) : ('decimal' as const),
        role: 'number' as const,
      })),
      attributes: Array.from({ length: rng.int(1, 4) }, (_, a) => ({
        name: `a${a + 1}`,
        type: 'text' as const,
        role: 'attribute' as const,
        // Values name their table and column, so a join or column mix-up shows in the rows.
        pool: Array.from({ length: rng.int(2, 4) }, (_, k) => `${name}a${a + 1}_${k}`),
      })),
    };
  });
}

/** A spanning tree with random directions, then maybe a second path and a second foreign key. */
function links(rng: Rng, names: readonly string[]): Omit<Link, 'declaredOn' | 'on'>[] {
  const result: Omit<Link, 'declaredOn' | 'on'>[] = [];
  const add = (child: string, parent: string): void => {
    result.push({ child, parent, fk: `${parent}_id` });
  };
  for (let index = 1; index < names.length; index++) {
    const other = names[rng.int(0, index - 1)]!;
    if (rng.chance(0.6)) add(names[index]!, other);
    else add(other, names[index]!);
  }
  if (names.length >= 3 && rng.chance(0.25)) {
    const [child, parent] = rng.sample(names, 2) as [string, string];
    if (!result.some((link) => link.child === child && link.parent === parent)) add(child, parent);
  }
  // A second foreign key to the same parent: a role-playing alias, or (rarely) a plain second
  // join, which makes every path between the two genuinely ambiguous.
  if (rng.chance(0.25)) {
    const base = rng.pick(result);
    result.push({
      child: base.child,
      parent: base.parent,
      fk: `${base.parent}_id2`,
      ...(rng.chance(0.8) ? { alias: `role_${base.child}_${base.parent}` } : {}),
    });
  }
  return result;
}

/** The join as written in YAML, on either side and with `on` in any order the loader must accept. */
function declare(rng: Rng, link: Omit<Link, 'declaredOn' | 'on'>): Link {
  const target = link.alias ?? link.parent;
  if (link.alias || rng.chance(0.7)) {
    const on = rng.pick([
      `${link.fk} = ${target}.id`,
      `${target}.id = ${link.fk}`,
      `${link.child}.${link.fk} = ${target}.id`,
    ]);
    return { ...link, declaredOn: 'child', on };
  }
  const on = rng.pick([
    `id = ${link.child}.${link.fk}`,
    `${link.child}.${link.fk} = id`,
    `${link.parent}.id = ${link.child}.${link.fk}`,
  ]);
  return { ...link, declaredOn: 'parent', on };
}

function maybeNull(rng: Rng, probability: number, make: () => Value): Value {
  return rng.chance(probability) ? null : make();
}

function keys(rng: Rng, shapesList: readonly Shape[]): Map<string, number[]> {
  return new Map(
    shapesList.map((shape) => {
      const count = rng.chance(0.08) ? 0 : rng.chance(0.5) ? rng.int(1, 12) : rng.int(1, 60);
      // Sparse keys: gaps leave room for dangling foreign keys that look plausible.
      const ids = rng.sample(
        Array.from({ length: count * 2 + 3 }, (_, index) => index + 1),
        count,
      );
      return [shape.name, ids];
    }),
  );
}

function foreignKey(rng: Rng, parentIds: readonly number[]): Value {
  const roll = rng.next();
  if (roll < 0.12) return null;
  if (roll < 0.25 || parentIds.length === 0) {
    const taken = new Set(parentIds);
    let dangling = rng.int(1, parentIds.length * 2 + 5);
    while (taken.has(dangling)) dangling++;
    return dangling;
  }
  return rng.pick(parentIds);
}

function table(rng: Rng, seed: number, shape: Shape, ids: Map<string, number[]>, all: Link[]): RandomTable {
  const outgoing = all.filter((link) => link.child === shape.name);
  const columns: RandomColumn[] = [
    { name: 'id', type: 'integer', role: 'key' },
    ...outgoing.map((link) => ({ name: link.fk, type: 'integer' as const, role: 'foreign-key' as const })),
    ...shape.numbers,
    ...shape.attributes,
  ];
  const rows: Row[] = ids.get(shape.name)!.map((id) => {
    const row: Record<string, Value> = { id };
    for (const link of outgoing) row[link.fk] = foreignKey(rng, ids.get(link.parent)!);
    for (const column of shape.numbers)
      row[column.name] = maybeNull(rng, 0.1, () =>
        column.type === 'integer' ? rng.int(-5, 40) : rng.int(0, 5000) / 100,
      );
    for (const column of shape.attributes)
      row[column.name] = maybeNull(rng, 0.15, () => rng.pick(column.pool!));
    return row;
  });
  return { name: shape.name, relation: `r${seed}_${shape.name}`, columns, rows };
}

/** A predicate on an attribute, sometimes naming a value no row has. */
export function randomPredicate(rng: Rng, node: string, column: RandomColumn): Predicate {
  const pool = [...column.pool!, ...(rng.chance(0.1) ? ['absent'] : [])];
  const op = rng.pick(['=', '=', '=', '<>', 'in', 'is null', 'is not null'] as const);
  const values = op === 'in' ? rng.sample(pool, rng.int(1, 2)) : [rng.pick(pool)];
  return { node, column: column.name, op, values };
}

/** A column an aggregate may read: the owner's own, or a many-to-one parent's (by node name). */
export interface Readable {
  readonly node: string;
  readonly table: RandomTable;
}

/** A random aggregate over `readable`; `count(*)` only when `countRows` (it names no source). */
export function randomAggregate(
  rng: Rng,
  owner: string,
  name: string,
  readable: Readable,
  countRows: boolean,
): BaseMeasure {
  const numbers = readable.table.columns.filter((column) => column.role === 'number');
  const kinds: Aggregate[] = [...(countRows ? (['count'] as const) : []), 'count_column', 'count_distinct'];
  if (numbers.length > 0) kinds.push('sum', 'sum', 'min', 'max', 'avg');
  const aggregate = rng.pick(kinds);
  if (aggregate === 'count') return { kind: 'base', name: `${name}_${aggregate}`, owner, aggregate };
  const column = rng.pick(aggregate.startsWith('count') ? readable.table.columns : numbers);
  return {
    kind: 'base',
    name: `${name}_${aggregate}`,
    owner,
    aggregate,
    column: column.name,
    columnType: column.type,
    ...(readable.node !== owner ? { columnNode: readable.node } : {}),
  };
}

function measures(rng: Rng, tables: readonly RandomTable[], all: readonly Link[]): RandomMeasure[] {
  return tables.flatMap((owner) => {
    const parents: Readable[] = all
      .filter((link) => link.child === owner.name)
      .map((link) => ({
        node: link.alias ?? link.parent,
        table: tables.find((each) => each.name === link.parent)!,
      }));
    const filterable = [{ node: owner.name, table: owner }, ...parents].flatMap(({ node, table }) =>
      table.columns.filter((column) => column.role === 'attribute').map((column) => ({ node, column })),
    );
    const bases: BaseMeasure[] = Array.from({ length: rng.int(1, 3) }, (_, index) => {
      // Mostly the owner's own columns; sometimes a parent's, read at the owner's grain.
      const readable =
        parents.length > 0 && rng.chance(0.2) ? rng.pick(parents) : { node: owner.name, table: owner };
      const measure = randomAggregate(rng, owner.name, `${owner.name}_m${index}`, readable, true);
      const where = rng.chance(0.3) ? rng.pick(filterable) : undefined;
      return where ? { ...measure, filter: randomPredicate(rng, where.node, where.column) } : measure;
    });
    const divisors = bases.filter(isSafeDivisor);
    if (divisors.length === 0 || !rng.chance(0.4)) return bases;
    const ratio: RandomMeasure = {
      kind: 'ratio',
      name: `${owner.name}_ratio`,
      owner: owner.name,
      numerator: rng.pick(bases),
      denominator: rng.pick(divisors),
    };
    return [...bases, ratio];
  });
}

/**
 * Divisors whose value is exact on every engine (counts, sums of integers): a float sum that is
 * 1e-17 instead of 0 would turn NULL into a huge number, and MySQL rounds AVG to 4 places.
 */
export function isSafeDivisor(measure: BaseMeasure): boolean {
  return (
    measure.aggregate.startsWith('count') || (measure.aggregate === 'sum' && measure.columnType === 'integer')
  );
}

export function generateSchema(rng: Rng, seed: number): RandomSchema {
  const shapeList = shapes(rng, rng.int(2, 6));
  const linkList = links(
    rng,
    shapeList.map((shape) => shape.name),
  ).map((link) => declare(rng, link));
  const ids = keys(rng, shapeList);
  const tables = shapeList.map((shape) => table(rng, seed, shape, ids, linkList));
  return { seed, tables, links: linkList, measures: measures(rng, tables, linkList) };
}
