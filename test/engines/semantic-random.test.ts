import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout } from '../support/servers.js';
import { checkWorld } from './random/check-world.js';
import { type EngineName, type ScratchEngine, scratchEngine } from './random/scratch-engines.js';
import { generateWorld } from './random/world.js';

/**
 * Randomized differential test of the semantic compiler: per seed, a random star/snowflake world
 * (tables, rows, YAML model) and a few random queries; every engine's rows must equal an oracle
 * computed in plain JavaScript (random/oracle.ts). KTX_RANDOM_SEEDS=n runs seeds 1..n (default
 * 80, a few seconds), KTX_RANDOM_SEED=s replays one seed and prints its data on failure.
 */
const QUERIES_PER_SEED = 3;
const replay = process.env.KTX_RANDOM_SEED;
const seedCount = Number(process.env.KTX_RANDOM_SEEDS ?? 80);
const seeds = replay ? [Number(replay)] : Array.from({ length: seedCount }, (_, index) => index + 1);

const ENGINES: EngineName[] = [
  'sqlite',
  'duckdb',
  ...(['postgres', 'mysql'] as const).filter((server) => !skipWithout(server)),
];

describe(`random semantic models on ${ENGINES.join(', ')}: rows equal the oracle's`, () => {
  const engines: ScratchEngine[] = [];
  const totals = { checked: 0, skipped: 0 };
  beforeAll(async () => {
    for (const name of ENGINES) {
      const engine = await scratchEngine(name);
      if (engine) engines.push(engine);
    }
  });
  afterAll(async () => {
    process.stderr.write(
      `semantic-random: ${seeds.length} seeds, ${totals.checked} query×engine results compared, ${totals.skipped} refused as ambiguous (as the oracle expected)\n`,
    );
    await Promise.all(engines.map((engine) => engine.close()));
  });

  it.each(seeds)('seed %i', async (seed) => {
    const outcome = await checkWorld(generateWorld(seed, QUERIES_PER_SEED), engines, {
      showData: Boolean(replay),
    });
    totals.checked += outcome.checked;
    totals.skipped += outcome.skipped;
    if (outcome.report) expect.fail(outcome.report);
  });
});
