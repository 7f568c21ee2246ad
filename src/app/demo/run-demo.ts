import { resolve } from 'node:path';
import type { CellValue } from '../../connectors/port.js';
import type { SearchHit } from '../../search/index.js';
import { openProject } from '../open-project.js';
import { runSql } from '../run-sql.js';
import { scanProject } from '../scan-project.js';
import { reindexProject, searchProject } from '../search/index.js';
import { loadSemanticLayer } from '../semantic-layer.js';
import { runSemanticQuery } from '../semantic-query.js';
import { setupProject } from '../setup-project.js';
import { checkProjectWiki } from '../wiki/index.js';
import { DEMO_CONNECTION_ID, demoAssetsDir } from './demo-assets.js';
import { DEMO_QUERIES, DEMO_SEARCH, type DemoColumnFormat, type DemoQuery } from './demo-queries.js';
import { DEMO_WAREHOUSE_PATH, markDemoDir, prepareDemoDir } from './prepare-demo-dir.js';

export type DemoStep = 'project' | 'scan' | 'validate' | 'index' | 'queries' | 'search';

export type DemoProgress =
  | { kind: 'step-start'; step: DemoStep; label: string }
  | { kind: 'step-end'; step: DemoStep; label: string; detail: string; elapsedMs: number }
  | { kind: 'scan'; phase: string; done: number; total: number; elapsedMs: number };

export interface DemoQueryResult {
  id: DemoQuery['id'];
  title: string;
  question: string;
  /** `ktx sl query` flags that reproduce it (add `--execute`). */
  command: string;
  sql: string;
  headers: string[];
  rows: CellValue[][];
  formats: Record<string, DemoColumnFormat>;
  naive?: {
    sql: string;
    why: string;
    headers: string[];
    rows: CellValue[][];
    /** Per compared column: the metric query's total and the naive SQL's total over all rows. */
    totals: { column: string; correct: number; naive: number }[];
  };
}

export interface DemoResult {
  dir: string;
  /** True when an earlier demo in the same folder was refreshed rather than created. */
  refreshed: boolean;
  connectionId: string;
  warehouse: { path: string; tables: number; rows: number };
  scan: {
    tables: number;
    columns: number;
    joins: { declared: number; discovered: number; review: number };
    elapsedMs: number;
  };
  semanticLayer: { sources: number; measures: number; errors: number; warnings: number };
  wiki: { pages: number; errors: number; warnings: number };
  searchIndex: { documents: number };
  queries: DemoQueryResult[];
  search: { query: string; hits: SearchHit[] };
  nextSteps: { command: string; what: string }[];
  steps: { step: DemoStep; elapsedMs: number }[];
  elapsedMs: number;
}

export interface RunDemoInput {
  /** Where to build the demo project (created when missing). */
  dir: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onProgress?: (progress: DemoProgress) => void;
}

function total(rows: readonly CellValue[][], index: number): number {
  return rows.reduce((sum, row) => sum + Number(row[index] ?? 0), 0);
}

function nextSteps(dir: string, cwd: string): DemoResult['nextSteps'] {
  const relativeDir = resolve(cwd, dir) === resolve(cwd, 'ktx-demo') ? 'ktx-demo' : dir;
  return [
    { command: `cd ${relativeDir}`, what: 'every ktx command below then finds this project' },
    { command: 'ktx sl', what: 'list the semantic layer; `ktx sl read mrr_snapshots` shows a source' },
    { command: 'ktx search "gross churn"', what: 'search measures, wiki pages and values together' },
    { command: 'ktx mcp start', what: 'serve this project to agents over MCP' },
    {
      command: 'ktx setup --agents --target claude-code',
      what: 'connect Claude Code (or codex, cursor, …) to it',
    },
    { command: 'ktx setup', what: 'create a project on your own warehouse' },
    { command: 'ktx setup --llm-backend <backend>', what: 'optional: LLM table descriptions and ingest' },
  ];
}

/**
 * `ktx demo`: builds the bundled Brightdock project in `dir` and exercises it end to end — scan with
 * relationship discovery, semantic-layer and wiki validation, the search index, three metric queries
 * (two beside the naive SQL they fix) and a search. Offline; never calls an LLM.
 */
export async function runDemo(input: RunDemoInput): Promise<DemoResult> {
  const started = performance.now();
  const dir = resolve(input.cwd, input.dir);
  const steps: DemoResult['steps'] = [];
  const step = async <T>(
    id: DemoStep,
    label: string,
    run: () => Promise<T>,
    detail: (value: T) => string,
  ) => {
    input.onProgress?.({ kind: 'step-start', step: id, label });
    const stepStarted = performance.now();
    const value = await run();
    const elapsedMs = Math.round(performance.now() - stepStarted);
    steps.push({ step: id, elapsedMs });
    input.onProgress?.({ kind: 'step-end', step: id, label, detail: detail(value), elapsedMs });
    return value;
  };

  const created = await step(
    'project',
    'Creating the demo project',
    async () => {
      const { refreshed } = prepareDemoDir(dir, demoAssetsDir());
      await setupProject({
        projectDir: dir,
        cwd: dir,
        database: { driver: 'sqlite', id: DEMO_CONNECTION_ID, url: DEMO_WAREHOUSE_PATH },
        ...(input.env ? { env: input.env } : {}),
      });
      markDemoDir(dir);
      const project = openProject({ projectDir: dir, env: input.env ?? process.env, cwd: dir });
      const counts = await runSql({
        project,
        connectionId: DEMO_CONNECTION_ID,
        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      });
      const tables = counts.rows.map((row) => String(row[0]));
      const rows = await runSql({
        project,
        connectionId: DEMO_CONNECTION_ID,
        sql: `SELECT ${tables.map((table) => `(SELECT COUNT(*) FROM "${table}")`).join(' + ')}`,
      });
      return { project, refreshed, tables: tables.length, rows: Number(rows.rows[0]?.[0] ?? 0) };
    },
    (value) =>
      `${value.tables} tables, ${value.rows.toLocaleString('en-US')} rows (Brightdock, a B2B SaaS company)${value.refreshed ? ', refreshed' : ''}`,
  );
  const { project } = created;

  const [report] = await step(
    'scan',
    'Scanning the warehouse',
    () =>
      scanProject(project, [DEMO_CONNECTION_ID], {
        enrich: false,
        ...(input.env ? { env: input.env } : {}),
        onProgress: (progress) => input.onProgress?.({ kind: 'scan', ...progress }),
      }),
    ([scan]) =>
      `${scan!.tables} tables, ${scan!.columns} columns; joins: ${scan!.relationships.formal} declared, ${scan!.relationships.inferred} discovered, ${scan!.relationships.review} left for review`,
  );

  const validation = await step(
    'validate',
    'Validating the semantic layer and wiki',
    async () => {
      const layer = loadSemanticLayer(project, DEMO_CONNECTION_ID);
      const sources = [...layer.model.sources.values()];
      const count = (severity: string) => layer.diagnostics.filter((d) => d.severity === severity).length;
      const wiki = checkProjectWiki(project);
      const wikiCount = (severity: string) => wiki.diagnostics.filter((d) => d.severity === severity).length;
      return {
        semanticLayer: {
          sources: sources.length,
          measures: sources.reduce((sum, source) => sum + source.measures.length, 0),
          errors: count('error'),
          warnings: count('warning'),
        },
        wiki: { pages: wiki.pages, errors: wikiCount('error'), warnings: wikiCount('warning') },
      };
    },
    ({ semanticLayer, wiki }) =>
      `${semanticLayer.sources} sources, ${semanticLayer.measures} measures, ${semanticLayer.errors} errors, ${semanticLayer.warnings} warnings; ` +
      `${wiki.pages} wiki pages, ${wiki.errors} errors, ${wiki.warnings} warnings`,
  );

  const index = await step(
    'index',
    'Building the search index',
    () => reindexProject(project),
    (value) => `${value.documents} documents (lexical; no embeddings configured)`,
  );

  const queries = await step(
    'queries',
    'Running three metric queries',
    async () => {
      const results: DemoQueryResult[] = [];
      for (const demo of DEMO_QUERIES) {
        const result = await runSemanticQuery({
          project,
          connectionId: DEMO_CONNECTION_ID,
          query: demo.query,
          execute: true,
        });
        const entry: DemoQueryResult = {
          id: demo.id,
          title: demo.title,
          question: demo.question,
          command: `ktx sl query ${demo.flags.join(' ')} --execute`,
          sql: result.sql,
          headers: result.headers,
          rows: result.rows,
          formats: demo.formats,
        };
        if (demo.naive) {
          const naive = await runSql({ project, connectionId: DEMO_CONNECTION_ID, sql: demo.naive.sql });
          entry.naive = {
            sql: demo.naive.sql,
            why: demo.naive.why,
            headers: naive.headers,
            rows: naive.rows,
            totals: Object.entries(demo.naive.compare).map(([naiveColumn, column]) => ({
              column,
              correct: total(result.rows, result.headers.indexOf(column)),
              naive: total(naive.rows, naive.headers.indexOf(naiveColumn)),
            })),
          };
        }
        results.push(entry);
      }
      return results;
    },
    (value) => `${value.length} queries, ${value.filter((entry) => entry.naive).length} beside naive SQL`,
  );

  const search = await step(
    'search',
    `Searching for "${DEMO_SEARCH}"`,
    async () => ({
      query: DEMO_SEARCH,
      hits: await searchProject(project, { query: DEMO_SEARCH, limit: 5 }),
    }),
    (value) => `${value.hits.length} hits`,
  );

  return {
    dir,
    refreshed: created.refreshed,
    connectionId: DEMO_CONNECTION_ID,
    warehouse: { path: DEMO_WAREHOUSE_PATH, tables: created.tables, rows: created.rows },
    scan: {
      tables: report!.tables,
      columns: report!.columns,
      joins: {
        declared: report!.relationships.formal,
        discovered: report!.relationships.inferred,
        review: report!.relationships.review,
      },
      elapsedMs: report!.elapsedMs,
    },
    ...validation,
    searchIndex: { documents: index.documents },
    queries,
    search,
    nextSteps: nextSteps(input.dir, input.cwd),
    steps,
    elapsedMs: Math.round(performance.now() - started),
  };
}
