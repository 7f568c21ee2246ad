import type { Rng } from './prng.js';
import {
  aggregateSql,
  type BaseMeasure,
  predicateSql,
  type RandomMeasure,
  type RandomSchema,
  type RandomTable,
} from './schema.js';

/** JSON strings are valid YAML double-quoted scalars, so every value is written through this. */
const text = (value: string): string => JSON.stringify(value);

function aggregateText(rng: Rng, measure: BaseMeasure): string {
  // Sometimes qualify the owner's own column, which the loader must read as the same column.
  const column =
    measure.column &&
    (measure.columnNode
      ? `${measure.columnNode}.${measure.column}`
      : rng.chance(0.2)
        ? `${measure.owner}.${measure.column}`
        : measure.column);
  return aggregateSql(measure, column);
}

function measureYaml(rng: Rng, measure: RandomMeasure): string {
  if (measure.kind === 'ratio')
    return `  - { name: ${measure.name}, expr: ${text(`${measure.numerator.name} / ${measure.denominator.name}`)} }`;
  const filter = measure.filter
    ? `, filter: ${text(predicateSql(measure.filter, measure.filter.node !== measure.owner || rng.chance(0.3)))}`
    : '';
  return `  - { name: ${measure.name}, expr: ${text(aggregateText(rng, measure))}${filter} }`;
}

function sourceYaml(rng: Rng, schema: RandomSchema, table: RandomTable): string {
  const joins = schema.links.flatMap((link) => {
    if (link.declaredOn === 'child' && link.child === table.name) {
      const alias = link.alias ? `, alias: ${link.alias}` : '';
      return [`  - { to: ${link.parent}${alias}, on: ${text(link.on)}, relationship: many_to_one }`];
    }
    if (link.declaredOn === 'parent' && link.parent === table.name)
      return [`  - { to: ${link.child}, on: ${text(link.on)}, relationship: one_to_many }`];
    return [];
  });
  const measures = schema.measures.filter((measure) => measure.owner === table.name);
  return [
    `name: ${table.name}`,
    `table: ${table.relation}`,
    'grain: [id]',
    'columns:',
    ...table.columns.map(
      (column) => `  - { name: ${column.name}, type: ${column.type === 'text' ? 'string' : 'number'} }`,
    ),
    ...(joins.length > 0 ? ['joins:', ...joins] : []),
    ...(measures.length > 0 ? ['measures:', ...measures.map((measure) => measureYaml(rng, measure))] : []),
    '',
  ].join('\n');
}

/** One standalone source file per table, as `loadSemanticModel` takes them. */
export function modelFiles(rng: Rng, schema: RandomSchema): { path: string; text: string }[] {
  return schema.tables.map((table) => ({
    path: `semantic-layer/random/${table.name}.yaml`,
    text: sourceYaml(rng, schema, table),
  }));
}
