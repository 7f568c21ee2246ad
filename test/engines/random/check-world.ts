import { KtxError } from '../../../src/core/index.js';
import {
  type CompiledQuery,
  compileQuery,
  loadSemanticModel,
  type SemanticModel,
} from '../../../src/semantic/index.js';
import { rowDifference, sortedRows } from './compare-results.js';
import { toSemanticQuery } from './generate-query.js';
import { type OracleAnswer, oracle } from './oracle.js';
import { type ScratchEngine, statements } from './scratch-engines.js';
import type { World } from './world.js';

interface Mismatch {
  readonly query: number;
  readonly engine: string;
  readonly reason: string;
  readonly sql?: string;
  readonly actual?: unknown[][];
}

export interface WorldOutcome {
  readonly checked: number;
  /** Queries the oracle and the planner both found ambiguous. */
  readonly skipped: number;
  /** Empty when every engine agreed with the oracle; else the report to print. */
  readonly report: string;
}

async function checkQuery(
  world: World,
  index: number,
  expected: OracleAnswer,
  engine: ScratchEngine,
  model: SemanticModel,
): Promise<Mismatch | 'skipped' | undefined> {
  const spec = world.queries[index]!;
  let compiled: CompiledQuery;
  try {
    compiled = compileQuery(model, toSemanticQuery(spec));
  } catch (error) {
    // Only a query that really has two cheapest join paths may be refused. The graph is connected
    // (no join_path_missing) and every generated query is valid, so any other error is a bug.
    if (error instanceof KtxError && error.code === 'join_path_ambiguous' && expected.kind === 'ambiguous')
      return 'skipped';
    return { query: index, engine: engine.name, reason: `compileQuery threw: ${String(error)}` };
  }
  if (expected.kind === 'ambiguous')
    return {
      query: index,
      engine: engine.name,
      reason: `compiled, but ${expected.reason}`,
      sql: compiled.sql,
    };
  let actual: unknown[][];
  try {
    actual = await engine.run(compiled.sql);
  } catch (error) {
    return { query: index, engine: engine.name, reason: `SQL failed: ${String(error)}`, sql: compiled.sql };
  }
  const difference = rowDifference(expected.rows, actual, spec.dimensions.length);
  if (!difference) return undefined;
  return { query: index, engine: engine.name, reason: difference, sql: compiled.sql, actual };
}

function rowLines(rows: readonly (readonly unknown[])[], dimensions: number): string[] {
  return rows.length === 0 ? ['(no rows)'] : sortedRows(rows, dimensions).map((row) => JSON.stringify(row));
}

function format(
  world: World,
  answers: readonly OracleAnswer[],
  mismatches: readonly Mismatch[],
  showData: boolean,
): string {
  const lines = [
    `seed ${world.seed} — replay (prints the data too): KTX_RANDOM_SEED=${world.seed} npx vitest run test/engines/semantic-random.test.ts`,
    '--- model ---',
    ...world.files.map((file) => `# ${file.path}\n${file.text}`),
  ];
  if (showData)
    lines.push(
      '--- data (SQLite) ---',
      ...world.schema.tables.flatMap((table) =>
        statements('sqlite', table).map((statement) => `${statement};`),
      ),
    );
  for (const index of new Set(mismatches.map((mismatch) => mismatch.query))) {
    const answer = answers[index]!;
    const dimensions = world.queries[index]!.dimensions.length;
    lines.push(
      `=== query ${index}: ${JSON.stringify(toSemanticQuery(world.queries[index]!))}`,
      '--- expected (oracle) ---',
      answer.kind === 'rows' ? rowLines(answer.rows, dimensions).join('\n') : answer.reason,
    );
    // Engines that failed the same way are reported once, with the first one's SQL.
    const alike = new Map<string, Mismatch[]>();
    for (const mismatch of mismatches.filter((each) => each.query === index)) {
      const actual = mismatch.actual ? rowLines(mismatch.actual, dimensions) : [];
      const key = JSON.stringify([mismatch.reason, actual]);
      alike.set(key, [...(alike.get(key) ?? []), mismatch]);
    }
    for (const [key, group] of alike) {
      const [reason, actual] = JSON.parse(key) as [string, string[]];
      const first = group[0]!;
      lines.push(`--- ${group.map((each) => each.engine).join(', ')}: ${reason}`);
      if (first.sql) lines.push(`--- compiled SQL (${first.engine}) ---`, first.sql);
      if (first.actual) lines.push('--- actual ---', ...actual);
    }
  }
  return lines.join('\n');
}

/** Loads the world's tables into every engine, asks every query, compares with the oracle. */
export async function checkWorld(
  world: World,
  engines: readonly ScratchEngine[],
  options: { showData?: boolean } = {},
): Promise<WorldOutcome> {
  await Promise.all(engines.map((engine) => engine.load(world.schema.tables)));
  try {
    return await checkLoaded(world, engines, options.showData ?? false);
  } finally {
    await Promise.all(engines.map((engine) => engine.drop(world.schema.tables)));
  }
}

async function checkLoaded(
  world: World,
  engines: readonly ScratchEngine[],
  showData: boolean,
): Promise<WorldOutcome> {
  // The generated model must load cleanly: a loader error here is a bug of the loader or generator.
  const models = engines.map((engine) => loadSemanticModel(world.files, { dialect: engine.name }));
  const errors = models.flatMap(({ diagnostics }) =>
    diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
  );
  if (errors.length > 0)
    return {
      checked: 0,
      skipped: 0,
      report: `${format(world, [], [], showData)}\nmodel errors: ${JSON.stringify(errors, null, 1)}`,
    };
  const mismatches: Mismatch[] = [];
  const answers = world.queries.map((spec) => oracle(world.schema, spec));
  let skipped = 0;
  for (const index of world.queries.keys()) {
    const outcomes = await Promise.all(
      engines.map((engine, at) => checkQuery(world, index, answers[index]!, engine, models[at]!.model)),
    );
    for (const outcome of outcomes) {
      if (outcome === 'skipped') skipped++;
      else if (outcome) mismatches.push(outcome);
    }
  }
  return {
    checked: world.queries.length * engines.length - skipped,
    skipped,
    report: mismatches.length > 0 ? format(world, answers, mismatches, showData) : '',
  };
}
