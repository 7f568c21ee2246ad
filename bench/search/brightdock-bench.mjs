// The Brightdock section of `npm run bench:search`: the real bundled demo, created by the built CLI
// (`ktx demo --json`, which also scans it, so column values come from real scan profiles), then the
// labelled questions of brightdock-questions.mjs through the same index code path as the other sections.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { parseDocument } from 'yaml';
import { openProject, openProjectIndex } from '../../dist/app/index.js';
import { percentile } from '../harness.mjs';
import { BRIGHTDOCK_QUESTIONS } from './brightdock-questions.mjs';
import { groupScores, latency, quality } from './measure-retrieval.mjs';

const KTX_BIN = fileURLToPath(new URL('../../bin/ktx.js', import.meta.url));
const GROUPS = ['metric', 'column', 'value', 'policy', 'source'];
/** How many questions the `ktx search --json` process timing runs (each one is a whole process). */
const CLI_QUESTIONS = 12;

const fmt = (value) => value.toFixed(3);
const ms = (value) => `${value.toFixed(1)} ms`;

function runKtx(args, cwd) {
  return execFileSync(process.execPath, [KTX_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, KTX_OUTPUT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Every label must name a document the demo's index holds, or a typo would read as a ranking miss.
 * Reads the derived index file directly (bench-only coupling to its `docs` table).
 */
function checkLabels(dir) {
  const db = new Database(join(dir, '.ktx', 'search.sqlite'), { readonly: true });
  try {
    const known = new Set(
      db
        .prepare('SELECT kind, key FROM docs')
        .all()
        .map((row) => `${row.kind}:${row.key}`),
    );
    const unknown = BRIGHTDOCK_QUESTIONS.flatMap(([, expected]) => expected).filter(
      (label) => !known.has(label),
    );
    if (unknown.length > 0)
      throw new Error(`Brightdock labels name no indexed document: ${unknown.join(', ')}`);
  } finally {
    db.close();
  }
}

function scoreLine(label, result) {
  const byGroup = GROUPS.map((group) => {
    const scores = groupScores(BRIGHTDOCK_QUESTIONS, result.ranks, group);
    return `${group} ${fmt(scores.at5)}`;
  }).join(', ');
  return `  ${label} recall@1 ${fmt(result.at1)}  recall@5 ${fmt(result.at5)}  MRR ${fmt(result.mrr)}  (recall@5 by group: ${byGroup})`;
}

function missLines(result, verbose) {
  if (!verbose) return [`    misses (not in top 10): ${result.misses.join(' | ') || 'none'}`];
  return BRIGHTDOCK_QUESTIONS.flatMap(([query, expected], i) =>
    result.ranks[i] === 0
      ? []
      : [
          `    rank ${result.ranks[i] < 0 ? 'miss' : result.ranks[i] + 1}: "${query}" → ${result.tops[i].join(', ')} (want ${expected.join(' | ')})`,
        ],
  );
}

/** Points the project's embeddings at the loopback hash server (comments in ktx.yaml are kept). */
function useHashEmbeddings(dir, url) {
  const file = join(dir, 'ktx.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('embeddings', { backend: 'openai-compatible', model: 'hash-bow-256', base_url: url });
  writeFileSync(file, String(doc));
}

export async function runBrightdockBench({ work, embedServer, say, verbose = false }) {
  const dir = join(work, 'brightdock');
  const demoStart = performance.now();
  const demo = JSON.parse(runKtx(['demo', '--dir', dir, '--json'], work));
  const demoMs = performance.now() - demoStart;
  checkLabels(dir);
  const n = BRIGHTDOCK_QUESTIONS.length;
  const groupCounts = GROUPS.map(
    (group) => `${BRIGHTDOCK_QUESTIONS.filter((question) => question[2] === group).length} ${group}`,
  ).join(', ');
  say(
    `Brightdock demo (ktx demo --json ${ms(demoMs)}; ${demo.semanticLayer.sources} sources, ${demo.semanticLayer.measures} measures, ${demo.wiki.pages} wiki pages, ${demo.searchIndex.documents} documents): ${n} labelled questions (${groupCounts})`,
  );

  const lexical = await quality(dir, BRIGHTDOCK_QUESTIONS);
  say(scoreLine('lexical ', lexical));
  for (const line of missLines(lexical, verbose)) say(line);
  const lexicalLatency = await latency(dir, BRIGHTDOCK_QUESTIONS, 5);
  say(
    `  lexical query latency (warm, in-process): p50 ${ms(lexicalLatency.p50)}  p95 ${ms(lexicalLatency.p95)} over ${lexicalLatency.n} (mean CPU ${ms(lexicalLatency.cpuMs)} per query)`,
  );

  // The same path as a user's shell: one `ktx search --json` process per query, start-up included.
  const cliSamples = [];
  for (const [query] of BRIGHTDOCK_QUESTIONS.slice(0, CLI_QUESTIONS)) {
    const start = performance.now();
    JSON.parse(runKtx(['search', '--json', query], dir));
    cliSamples.push(performance.now() - start);
  }
  cliSamples.sort((a, b) => a - b);
  say(
    `  lexical \`ktx search --json\` per process (node start + index open + query): p50 ${ms(percentile(cliSamples, 0.5))}  p95 ${ms(percentile(cliSamples, 0.95))} over ${cliSamples.length}`,
  );

  useHashEmbeddings(dir, embedServer.url);
  const embedStart = performance.now();
  const opened = await openProjectIndex(openProject({ projectDir: dir }));
  let embedded;
  try {
    embedded = await opened.index.sync();
  } finally {
    await opened.close();
  }
  say(
    `  embedding the demo (loopback hash server): ${ms(performance.now() - embedStart)} for ${embedded.embedded} texts${embedded.embeddingProblem ? ` FAILED: ${embedded.embeddingProblem}` : ''}`,
  );
  const hybrid = await quality(dir, BRIGHTDOCK_QUESTIONS);
  const notHybrid =
    hybrid.hybridAnswers < n
      ? ` (only ${hybrid.hybridAnswers}/${n} answered hybrid${hybrid.embeddingProblem ? `: ${hybrid.embeddingProblem}` : ''})`
      : '';
  say(`${scoreLine('hybrid  ', hybrid)}${notHybrid}`);
  for (const line of missLines(hybrid, verbose)) say(line);
  const hybridLatency = await latency(dir, BRIGHTDOCK_QUESTIONS, 5);
  say(
    `  hybrid query latency (warm, in-process, loopback embedding server): p50 ${ms(hybridLatency.p50)}  p95 ${ms(hybridLatency.p95)} over ${hybridLatency.n} (mean CPU ${ms(hybridLatency.cpuMs)} per query, the embedding server included)`,
  );
}
