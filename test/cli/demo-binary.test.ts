import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/run-process.js';
import { tempDir } from '../support/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'ktx.js');

async function ktx(cwd: string, ...args: string[]) {
  const started = performance.now();
  const run = await runProcess(process.execPath, [bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    timeoutMs: 120_000,
  });
  return { ...run, elapsedMs: performance.now() - started };
}

interface DemoJson {
  dir: string;
  refreshed: boolean;
  scan: { joins: { declared: number; discovered: number } };
  semanticLayer: { sources: number; errors: number; warnings: number };
  wiki: { pages: number; errors: number; warnings: number };
  searchIndex: { documents: number };
  queries: {
    id: string;
    headers: string[];
    rows: unknown[][];
    naive?: { totals: { column: string; correct: number; naive: number }[] };
  }[];
  search: { hits: { kind: string; key: string }[] };
  nextSteps: { command: string }[];
  elapsedMs: number;
}

// Through the built binary, as a new user runs it (needs `npx tsc -p tsconfig.build.json`).
describe('ktx demo through the built binary', () => {
  it('builds the project offline in under 30 s and prints results, naive SQL and next steps', async () => {
    expect(existsSync(join(root, 'dist', 'cli', 'main.js')), 'build first').toBe(true);
    const work = tempDir();
    const run = await ktx(work, 'demo');
    expect(run.status, run.stderr).toBe(0);
    expect(run.elapsedMs).toBeLessThan(30_000);
    // Piped: one plain progress line per step on stderr, no control characters.
    expect(run.stderr.split('\n').map((line) => line.split(':')[0])).toEqual([
      'project',
      'scan',
      'validate',
      'index',
      'queries',
      'search',
      '',
    ]);
    expect(run.stderr).not.toMatch(/\x1b/);
    expect(run.stderr).toMatch(/^scan: 12 tables, \d+ columns; joins: \d+ declared, (\d+) discovered/m);
    expect(run.stdout).toContain(`Brightdock demo project ready in ${join(work, 'ktx-demo')}`);
    expect(run.stdout).toMatch(/semantic {4}12 sources, \d+ measures, 0 errors, 0 warnings/);
    expect(run.stdout).toMatch(/wiki {8}1\d pages, 0 errors, 0 warnings/);
    expect(run.stdout).toContain('2. Billings vs collections by quarter, 2025 (a fan trap)');
    expect(run.stdout).toMatch(/Naive SQL says invoiced_amount \$[\d,]+ instead of \$[\d,]+ \(\+\d+\.\d%\)/);
    for (const step of [
      'ktx mcp start',
      'ktx setup --agents --target claude-code',
      'ktx setup --llm-backend',
    ])
      expect(run.stdout).toContain(step);
    // The project is a real ktx project: other commands work on it.
    const sl = await ktx(join(work, 'ktx-demo'), 'sl', 'validate');
    expect(sl.stdout).toBe('semantic-layer/brightdock: 12 source(s), no problems\n');
    expect(readFileSync(join(work, 'ktx-demo', 'ktx.yaml'), 'utf8')).toContain('warehouse/brightdock.sqlite');
  }, 120_000);

  it('--json: discovered joins, clean validation, three queries, naive numbers that differ', async () => {
    const work = tempDir();
    const first = await ktx(work, '--json', 'demo', '--dir', 'here');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const result = JSON.parse(first.stdout) as DemoJson;
    expect(result.dir).toBe(join(work, 'here'));
    expect(result.refreshed).toBe(false);
    expect(result.scan.joins.declared).toBe(6);
    expect(result.scan.joins.discovered).toBeGreaterThanOrEqual(8);
    expect(result.semanticLayer).toMatchObject({ sources: 12, errors: 0, warnings: 0 });
    expect(result.wiki).toMatchObject({ errors: 0, warnings: 0 });
    expect(result.wiki.pages).toBeGreaterThanOrEqual(10);
    expect(result.searchIndex.documents).toBeGreaterThan(100);
    expect(result.queries.map((query) => query.id)).toEqual(['recurring-revenue', 'fan-trap', 'chasm-trap']);
    for (const query of result.queries) expect(query.rows.length).toBeGreaterThanOrEqual(3);
    const fan = result.queries[1]!.naive!.totals[0]!;
    expect(fan.column).toBe('invoiced_amount');
    expect(fan.naive).toBeGreaterThan(fan.correct * 1.01);
    for (const total of result.queries[2]!.naive!.totals) expect(total.naive).toBeGreaterThan(total.correct);
    expect(result.search.hits.map((hit) => `${hit.kind}:${hit.key}`)).toContain(
      'wiki:metrics/net-revenue-retention',
    );
    expect(result.elapsedMs).toBeLessThan(30_000);

    // Running it again refreshes the same demo in place.
    const again = await ktx(work, '--json', 'demo', '--dir', 'here');
    expect(again.status, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as DemoJson).refreshed).toBe(true);
  }, 120_000);

  it('refuses a non-empty folder that is not a demo, with one line and a fix', async () => {
    const work = tempDir();
    mkdirSync(join(work, 'mine'));
    writeFileSync(join(work, 'mine', 'notes.txt'), 'keep me\n');
    const run = await ktx(work, 'demo', '--dir', 'mine');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: .*mine is not empty and is not a ktx demo project\. Fix: .*--dir .*\n$/,
    );
    expect(readFileSync(join(work, 'mine', 'notes.txt'), 'utf8')).toBe('keep me\n');
    const json = await ktx(work, '--json', 'demo', '--dir', 'mine');
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'project_exists' } });
  }, 60_000);
});
