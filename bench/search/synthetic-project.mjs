// A synthetic project of ~10,000 searchable entities (sources, columns, measures, segments, wiki
// pages, sampled values) from a seeded generator, for the latency and scale figures of the bench.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pageMarkdown, profileJson } from './saas-project.mjs';

function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    state = (state ^ (state >>> 13)) >>> 0;
    return state / 2 ** 32;
  };
}

const AREAS = [
  'sales',
  'billing',
  'crm',
  'ops',
  'hr',
  'web',
  'app',
  'erp',
  'finance',
  'growth',
  'supply',
  'risk',
  'legal',
  'fleet',
  'lab',
];
const NOUNS = [
  'leads',
  'deals',
  'quotes',
  'payments',
  'refunds',
  'shipments',
  'tickets',
  'visits',
  'sessions',
  'claims',
  'assets',
  'contracts',
  'vendors',
  'employees',
  'shifts',
  'routes',
  'samples',
  'audits',
  'returns',
  'campaigns',
];
const WORDS =
  'amount volume latency margin backlog conversion velocity coverage utilisation exposure yield throughput variance accuracy capacity duration balance discount commission penalty premium forecast quota renewal tenure attrition headcount inventory defect lead_time cycle_time uptime'.split(
    ' ',
  );
const ADJ =
  'weekly regional gross net average median peak blended adjusted realised projected cumulative active open closed late early'.split(
    ' ',
  );
const VALUE_WORDS =
  'amber basalt cobalt dune ember fjord garnet harbor indigo jasper kelp lumen marble nectar onyx prairie quartz russet sierra tundra umber violet willow xenon yarrow zephyr'.split(
    ' ',
  );

function write(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Writes the project; returns the labelled questions (`[question, ['kind:key']]`) and the entity count. */
export function writeSyntheticProject(dir, { sources = 300, pages = 400 } = {}) {
  const random = rng(42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  write(join(dir, 'ktx.yaml'), 'connections:\n  wh:\n    driver: sqlite\n    path: wh.db\n');
  const questions = [];
  let entities = 0;
  const names = [];
  for (let index = 0; index < sources; index++) {
    const name = `${AREAS[index % AREAS.length]}_${NOUNS[Math.floor(index / AREAS.length) % NOUNS.length]}${index >= AREAS.length * NOUNS.length ? `_${index}` : ''}`;
    names.push(name);
    const columns = ['  - { name: id, type: number }', '  - { name: created_at, type: time, role: time }'];
    for (let c = 0; c < 18; c++) {
      const word = `${pick(WORDS)}_${c}`;
      columns.push(
        `  - { name: ${word}, type: number, description: "${pick(ADJ)} ${pick(WORDS).replace('_', ' ')} of ${name.replace('_', ' ')}" }`,
      );
    }
    columns.push('  - { name: status, type: string, description: "Lifecycle status" }');
    const measures = [];
    for (let m = 0; m < 8; m++) {
      const adjective = pick(ADJ);
      const word = pick(WORDS);
      const measureName = `${adjective}_${word}_${m}`;
      const description = `${adjective} ${word.replace('_', ' ')} across ${name.replace('_', ' ')} (${pick(ADJ)} view)`;
      measures.push(`  - { name: ${measureName}, expr: "sum(id)", description: "${description}" }`);
      if (m === 0 && index % 10 === 0)
        questions.push([
          `${adjective} ${word.replace('_', ' ')} ${name.replace('_', ' ')}`,
          [`measure:${name}.${measureName}`],
        ]);
    }
    const segments = [
      '  - { name: recent, expr: "created_at > \'2024-01-01\'", description: "Rows created since 2024" }',
      `  - { name: flagged, expr: "status = 'flagged'", description: "Flagged ${name.replace('_', ' ')} needing review" }`,
    ];
    write(
      join(dir, 'semantic-layer', 'wh', `${name}.yaml`),
      [
        `name: ${name}`,
        `table: ${name}`,
        `description: "${name.replace('_', ' ')} records from the ${name.split('_')[0]} system"`,
        'grain: [id]',
        'columns:',
        ...columns,
        'segments:',
        ...segments,
        'measures:',
        ...measures,
        '',
      ].join('\n'),
    );
    entities += 1 + columns.length + measures.length + segments.length;
    const values = Array.from(
      { length: 6 },
      (_, v) => `${VALUE_WORDS[(index + v * 7) % VALUE_WORDS.length]}-${index}-${v}`,
    );
    write(
      join(dir, 'raw-sources', 'wh', 'scan', '2026-01-01T00-00-00-000Z', 'tables', `main.${name}.json`),
      profileJson(name, { status: values }),
    );
    entities += 1;
    if (index % 15 === 3) questions.push([values[2], [`value:${name}.status`]]);
  }
  for (let index = 0; index < pages; index++) {
    const topic = `${pick(ADJ)} ${pick(WORDS).replace('_', ' ')} ${pick(NOUNS)}`;
    const key = `topics/page-${index}`;
    const body = Array.from({ length: 8 }, () =>
      Array.from({ length: 16 }, () =>
        random() < 0.15 ? pick(names) : pick([...WORDS, ...ADJ, ...NOUNS]).replace('_', ' '),
      ).join(' '),
    ).join('\n\n');
    write(
      join(dir, 'wiki', 'global', `${key}.md`),
      pageMarkdown({
        title: `Page ${index}: ${topic}`,
        summary: `Notes on ${topic}`,
        tags: [pick(AREAS)],
        sl: [pick(names)],
        body,
      }),
    );
    entities += 1;
    if (index % 20 === 7) questions.push([`page ${index} ${topic}`, [`wiki:${key}`]]);
  }
  return { questions, entities };
}

/**
 * A scan manifest shard of `tables` scanned tables (20 columns each) in `semantic-layer/wh/_schema/`,
 * as `ktx scan` writes one per schema; returns its path. For timing an overlay edit, which composes
 * onto its shard entry.
 */
export function writeScannedShard(dir, { tables = 300 } = {}) {
  const random = rng(7);
  const lines = ['tables:'];
  for (let index = 0; index < tables; index++) {
    const name = `scanned_${NOUNS[index % NOUNS.length]}_${index}`;
    lines.push(
      `  ${name}:`,
      `    table: main.${name}`,
      `    description: Scanned ${name.replace(/_/g, ' ')}`,
    );
    lines.push('    columns:', '      - name: id', '        type: INTEGER', '        pk: true');
    for (let c = 0; c < 19; c++) {
      lines.push(`      - name: ${WORDS[Math.floor(random() * WORDS.length)]}_${c}`, '        type: REAL');
    }
  }
  const path = join(dir, 'semantic-layer', 'wh', '_schema', 'main.yaml');
  write(path, `${lines.join('\n')}\n`);
  return path;
}
