// Retrieval quality and warm latency through the app's own index (`openProjectIndex` → `search`), the
// code path `ktx search` and the MCP tools use, minus process start.
import { openProject, openProjectIndex } from '../../dist/app/index.js';
import { percentile } from '../harness.mjs';

/**
 * recall@1, recall@5 and MRR over `[query, expected kind:key list, …]`; `ranks[i]` is the 0-based rank
 * of the first expected hit of question i in the top 10, or -1. `hybridAnswers` counts the queries the
 * vector lane really took part in, so a silently lexical "hybrid" run shows.
 */
export async function quality(dir, questions) {
  const project = openProject({ projectDir: dir });
  const opened = await openProjectIndex(project);
  try {
    await opened.index.sync();
    let at1 = 0;
    let at5 = 0;
    let rr = 0;
    let hybridAnswers = 0;
    const misses = [];
    const ranks = [];
    const tops = [];
    for (const [query, expected] of questions) {
      const { hits, mode } = await opened.index.search({ query, limit: 10 });
      if (mode === 'hybrid') hybridAnswers++;
      const rank = hits.findIndex((hit) => expected.includes(`${hit.kind}:${hit.key}`));
      ranks.push(rank);
      tops.push(hits.slice(0, 3).map((hit) => `${hit.kind}:${hit.key}`));
      if (rank === 0) at1++;
      if (rank >= 0 && rank < 5) at5++;
      if (rank >= 0) rr += 1 / (rank + 1);
      else misses.push(query);
    }
    const n = questions.length;
    return {
      n,
      at1: at1 / n,
      at5: at5 / n,
      mrr: rr / n,
      misses,
      ranks,
      tops,
      hybridAnswers,
      embeddingProblem: opened.embeddingProblem,
    };
  } finally {
    await opened.close();
  }
}

/** Warm per-query wall time (and mean CPU time) over `runs` rounds of the questions, after 5 warm-ups. */
export async function latency(dir, questions, runs = 3) {
  const opened = await openProjectIndex(openProject({ projectDir: dir }));
  try {
    await opened.index.sync();
    for (const [query] of questions.slice(0, 5)) await opened.index.search({ query });
    const samples = [];
    // CPU time per query as well: wall-clock percentiles on a shared machine mostly measure its load.
    const cpuStart = process.cpuUsage();
    for (let round = 0; round < runs; round++) {
      for (const [query] of questions) {
        const start = process.hrtime.bigint();
        await opened.index.search({ query });
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
    const cpu = process.cpuUsage(cpuStart);
    samples.sort((a, b) => a - b);
    return {
      p50: percentile(samples, 0.5),
      p95: percentile(samples, 0.95),
      n: samples.length,
      cpuMs: (cpu.user + cpu.system) / 1000 / samples.length,
    };
  } finally {
    await opened.close();
  }
}

/** recall@1, recall@5 and MRR of the questions whose `group` (third element) is `group`. */
export function groupScores(questions, ranks, group) {
  const picked = ranks.filter((_, i) => questions[i][2] === group);
  const n = picked.length;
  return {
    n,
    at1: picked.filter((rank) => rank === 0).length / n,
    at5: picked.filter((rank) => rank >= 0 && rank < 5).length / n,
    mrr: picked.reduce((sum, rank) => sum + (rank >= 0 ? 1 / (rank + 1) : 0), 0) / n,
  };
}
