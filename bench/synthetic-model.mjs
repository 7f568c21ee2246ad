/**
 * A synthetic semantic layer for compile benchmarks: `facts` fact sources, each with `measuresPer`
 * measures, many-to-one joins to a shared pool of dimension sources, which chain to a second level
 * (snowflake). Deterministic: the same arguments give the same files.
 */
export function syntheticModel({ sources, measuresPer }) {
  const dims = Math.max(2, Math.floor(sources / 3));
  const facts = sources - dims;
  const files = [];
  for (let d = 0; d < dims; d++) {
    const parent = d + 1 < dims && d % 4 !== 3 ? d + 1 : undefined;
    files.push({
      path: `semantic-layer/bench/dim_${d}.yaml`,
      text: [
        `name: dim_${d}`,
        `table: dim_${d}`,
        'grain: [id]',
        'columns:',
        '  - {name: id, type: number}',
        '  - {name: label, type: string}',
        '  - {name: tier, type: string}',
        ...(parent !== undefined
          ? [
              '  - {name: parent_id, type: number}',
              'joins:',
              `  - {to: dim_${parent}, on: "parent_id = dim_${parent}.id", relationship: many_to_one}`,
            ]
          : []),
      ].join('\n'),
    });
  }
  for (let f = 0; f < facts; f++) {
    const a = f % dims;
    const b = (f * 7 + 3) % dims;
    const measures = [];
    for (let m = 0; m < measuresPer; m++) {
      const kind = m % 4;
      measures.push(
        kind === 0
          ? `  - {name: m_${m}, expr: "sum(amount)"}`
          : kind === 1
            ? `  - {name: m_${m}, expr: "count(*)", filter: "status = 'x${m}'"}`
            : kind === 2
              ? `  - {name: m_${m}, expr: "count(distinct dim_a_id)"}`
              : `  - {name: m_${m}, expr: "m_0 / m_1"}`,
      );
    }
    files.push({
      path: `semantic-layer/bench/fact_${f}.yaml`,
      text: [
        `name: fact_${f}`,
        `table: fact_${f}`,
        'grain: [id]',
        'columns:',
        '  - {name: id, type: number}',
        '  - {name: dim_a_id, type: number}',
        '  - {name: dim_b_id, type: number}',
        '  - {name: amount, type: number}',
        '  - {name: status, type: string}',
        '  - {name: created_at, type: time, role: time}',
        'joins:',
        `  - {to: dim_${a}, on: "dim_a_id = dim_${a}.id", relationship: many_to_one}`,
        `  - {to: dim_${b}, alias: fact_${f}_b, on: "dim_b_id = fact_${f}_b.id", relationship: many_to_one}`,
        'measures:',
        ...measures,
      ].join('\n'),
    });
  }
  // A query over two facts sharing dimension 0 (a chasm) with a time grain and a filter.
  const query = {
    measures: ['fact_0.m_0', 'fact_0.m_3', `fact_${Math.min(facts - 1, dims)}.m_1`],
    dimensions: ['dim_0.tier', { field: 'fact_0.created_at', granularity: 'month' }],
    filters: ["dim_0.label <> 'none'"],
  };
  return { files, query: { ...query, dimensions: ['dim_0.tier'] }, timeQuery: query };
}
