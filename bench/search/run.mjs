#!/usr/bin/env node
// `npm run bench:search`: retrieval quality (recall@1, recall@5, MRR; lexical and hybrid) on a
// demo-like project, the real bundled Brightdock demo and a synthetic ~10,000-entity project; query
// latency, full and incremental reindex. `--only demo-like|brightdock|synthetic` runs one section;
// `--verbose` prints every Brightdock question not ranked first with its top hits.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject, openProjectIndex, reindexProject } from '../../dist/app/index.js';
import { percentile } from '../harness.mjs';
import { runBrightdockBench } from './brightdock-bench.mjs';
import { startHashEmbeddingServer } from './hash-embedding-server.mjs';
import { latency, quality } from './measure-retrieval.mjs';
import { QUESTIONS } from './questions.mjs';
import { writeSaasProject } from './saas-project.mjs';
import { writeScannedShard, writeSyntheticProject } from './synthetic-project.mjs';

const SECTIONS = ['demo-like', 'brightdock', 'synthetic'];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && !SECTIONS.includes(only)) {
  process.stderr.write(`bench:search: --only takes one of ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}
const runs = (section) => only === undefined || only === section;
const verbose = process.argv.includes('--verbose');

const work = mkdtempSync(join(tmpdir(), 'ktx-bench-search-'));
const lines = [];
const say = (line) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

/** One sync as a fresh `ktx` process does it (open the project and its index, sync), timed whole. */
async function timeSync(dir) {
  const started = performance.now();
  const opened = await openProjectIndex(openProject({ projectDir: dir }));
  try {
    const report = await opened.index.sync();
    const wallMs = performance.now() - started;
    return { ...report, wallMs, vectors: opened.index.stats().vectors };
  } finally {
    await opened.close();
  }
}

const fmt = (value) => value.toFixed(3);
const ms = (value) => `${value.toFixed(1)} ms`;

async function demoLikeSection(embedServer) {
  // 1. Demo-like project: quality, lexical vs hybrid.
  const demo = join(work, 'demo');
  writeSaasProject(demo);
  say(`demo-like project (generated, bench/search/saas-project.mjs): ${QUESTIONS.length} labelled questions`);
  const lexical = await quality(demo, QUESTIONS);
  say(
    `  lexical  recall@1 ${fmt(lexical.at1)}  recall@5 ${fmt(lexical.at5)}  MRR ${fmt(lexical.mrr)}  misses: ${lexical.misses.join(' | ') || 'none'}`,
  );
  appendFileSync(
    join(demo, 'ktx.yaml'),
    `embeddings:\n  backend: openai-compatible\n  model: hash-bow-256\n  base_url: ${embedServer.url}\n`,
  );
  const hybrid = await quality(demo, QUESTIONS);
  say(
    `  hybrid   recall@1 ${fmt(hybrid.at1)}  recall@5 ${fmt(hybrid.at5)}  MRR ${fmt(hybrid.mrr)}  misses: ${hybrid.misses.join(' | ') || 'none'}${hybrid.embeddingProblem ? ` (problem: ${hybrid.embeddingProblem})` : ''}`,
  );
  const demoLatency = await latency(demo, QUESTIONS);
  say(
    `  hybrid query latency (warm, loopback embedding server): p50 ${ms(demoLatency.p50)}  p95 ${ms(demoLatency.p95)} over ${demoLatency.n}`,
  );
}

async function syntheticSection(embedServer) {
  // 2. Synthetic ~10,000-entity project.
  const big = join(work, 'synthetic');
  const { questions, entities } = writeSyntheticProject(big);
  say(`synthetic project: ${entities} entities, ${questions.length} labelled questions`);
  const full = await reindexProject(openProject({ projectDir: big }));
  say(
    `  full lexical reindex: ${ms(full.sync.elapsedMs)} for ${full.documents} documents (${Object.entries(
      full.byKind,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')})`,
  );
  const bigLexical = await quality(big, questions);
  say(
    `  lexical  recall@1 ${fmt(bigLexical.at1)}  recall@5 ${fmt(bigLexical.at5)}  MRR ${fmt(bigLexical.mrr)}`,
  );
  const bigLatency = await latency(big, questions, 10);
  say(
    `  lexical query latency (warm, sync stat walk included): p50 ${ms(bigLatency.p50)}  p95 ${ms(bigLatency.p95)} over ${bigLatency.n} (mean CPU ${ms(bigLatency.cpuMs)} per query)`,
  );

  // Single-file changes: one wiki page, one semantic-layer file.
  const page = join(big, 'wiki', 'global', 'topics', 'page-17.md');
  const pageText = readFileSync(page, 'utf8');
  const pageTimes = [];
  for (let round = 0; round < 5; round++) {
    writeFileSync(page, `${pageText}\nEdit ${round}: the okapi clause.\n`);
    pageTimes.push((await timeSync(big)).wallMs);
  }
  const sourceFile = join(big, 'semantic-layer', 'wh', 'crm_leads.yaml');
  const sourceText = readFileSync(sourceFile, 'utf8');
  const slTimes = [];
  for (let round = 0; round < 5; round++) {
    writeFileSync(sourceFile, sourceText.replace('Lifecycle status', `Lifecycle status ${round}`));
    slTimes.push((await timeSync(big)).wallMs);
  }
  pageTimes.sort((a, b) => a - b);
  slTimes.sort((a, b) => a - b);
  say(
    `  single-file change re-index (median of 5, open + sync): wiki page ${ms(percentile(pageTimes, 0.5))}; semantic-layer source file ${ms(percentile(slTimes, 0.5))}`,
  );

  appendFileSync(
    join(big, 'ktx.yaml'),
    `embeddings:\n  backend: openai-compatible\n  model: hash-bow-256\n  base_url: ${embedServer.url}\n`,
  );
  const embedStart = performance.now();
  const embedded = await timeSync(big);
  say(
    `  embedding all documents (loopback hash server): ${ms(performance.now() - embedStart)} for ${embedded.embedded} texts (${embedded.vectors} vectors stored)${embedded.embeddingProblem ? ` FAILED: ${embedded.embeddingProblem}` : ''}`,
  );
  const bigHybrid = await quality(big, questions);
  say(`  hybrid   recall@1 ${fmt(bigHybrid.at1)}  recall@5 ${fmt(bigHybrid.at5)}  MRR ${fmt(bigHybrid.mrr)}`);
  const bigHybridLatency = await latency(big, questions, 5);
  say(
    `  hybrid query latency (warm): p50 ${ms(bigHybridLatency.p50)}  p95 ${ms(bigHybridLatency.p95)} over ${bigHybridLatency.n} (mean CPU ${ms(bigHybridLatency.cpuMs)} per query, the in-process embedding server included)`,
  );

  // An overlay edit on a scanned table: it composes onto its entry in a 300-table manifest shard.
  writeFileSync(join(big, 'ktx.yaml'), 'connections:\n  wh:\n    driver: sqlite\n    path: wh.db\n');
  const shardStart = performance.now();
  writeScannedShard(big);
  const shardSync = await timeSync(big);
  const overlay = join(big, 'semantic-layer', 'wh', 'scanned_leads_0.yaml');
  const overlayTimes = [];
  for (let round = 0; round < 5; round++) {
    writeFileSync(
      overlay,
      `name: scanned_leads_0\ndescriptions: {user: Leads edit ${round}}\nmeasures: [{name: lead_count, expr: "count(*)"}]\n`,
    );
    overlayTimes.push((await timeSync(big)).wallMs);
  }
  overlayTimes.sort((a, b) => a - b);
  say(
    `  lexical: adding a 300-table scan shard ${ms(performance.now() - shardStart)} (${shardSync.changedOrigins} sources); overlay edit on one of its tables (median of 5) ${ms(percentile(overlayTimes, 0.5))}`,
  );
  say(
    'targets: p50 < 10 ms warm at 10,000 entities; full lexical reindex < 5 s; single-file change < 100 ms',
  );
}

const embedServer = await startHashEmbeddingServer(256);
try {
  say(`# search bench (${new Date().toISOString()}, node ${process.version})`);
  if (runs('demo-like')) await demoLikeSection(embedServer);
  if (runs('brightdock')) await runBrightdockBench({ work, embedServer, say, verbose });
  if (runs('synthetic')) await syntheticSection(embedServer);
} finally {
  await embedServer.close();
  rmSync(work, { recursive: true, force: true });
}
