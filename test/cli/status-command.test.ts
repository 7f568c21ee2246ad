import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { copyShopSemanticLayer, makeShopSqlite } from '../support/shop-project.js';
import { makeShopDatabase } from '../support/sqlite-fixture.js';
import { tempDir } from '../support/temp-dir.js';

interface Report {
  verdict: string;
  checks: { id: string; level: string; message: string; fix?: string }[];
}

describe('ktx status', () => {
  it('is blocked outside a project and says to run setup', async () => {
    const result = await runCli(['--project-dir', tempDir(), '--json', 'status']);
    expect(result.code).toBe(1);
    expect(result.json<Report>()).toMatchObject({
      verdict: 'blocked',
      checks: [{ id: 'project.exists', level: 'fail', fix: 'ktx setup' }],
    });
  });

  it('really connects: a reachable SQLite connection is ok, a missing file fails with a fix', async () => {
    const work = tempDir();
    makeShopDatabase(work);
    await runCli(['--project-dir', work, 'setup', '--no-input', '--database-url', join(work, 'shop.db')]);
    const ok = await runCli(['--project-dir', work, '--json', 'status']);
    expect(ok.code).toBe(0);
    const report = ok.json<Report>();
    expect(report.verdict).toBe('partial'); // no semantic-layer files yet
    expect(report.checks.find((check) => check.id === 'connections.sqlite')).toMatchObject({
      level: 'ok',
      message: expect.stringMatching(/^sqlite \(sqlite\): SQLite 3\.\d+\.\d+, reachable in \d+ ms$/),
    });

    writeFileSync(
      join(work, 'ktx.yaml'),
      `connections:\n  gone:\n    driver: sqlite\n    path: missing.db\n`,
    );
    const failed = await runCli(['--project-dir', work, '--json', 'status']);
    expect(failed.code).toBe(1);
    const gone = failed.json<Report>().checks.find((check) => check.id === 'connections.gone');
    expect(gone).toMatchObject({ level: 'fail', fix: expect.any(String) });

    const fast = await runCli(['--project-dir', work, '--json', 'status', '--fast']);
    expect(fast.json<Report>().checks.find((check) => check.id === 'connections.gone')?.level).toBe('skip');
  });

  it('--validate reports unknown keys as warnings and bad values as failures', async () => {
    const work = tempDir();
    writeFileSync(join(work, 'ktx.yaml'), 'conections: {}\nllm:\n  provider:\n    backend: gpt\n');
    const result = await runCli(['--project-dir', work, 'status', '--validate']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown key `conections` is ignored (did you mean `connections`?)');
    expect(result.stdout).toMatch(/ktx\.yaml:4 llm\.provider\.backend: invalid value "gpt"/);
    expect(result.stdout).toContain('Blocked');
  });

  it('reports the semantic layer: counts when valid, blocked with the first error when broken', async () => {
    const work = tempDir();
    makeShopSqlite(join(work, 'shop.db'));
    await runCli([
      '--project-dir',
      work,
      'setup',
      '--no-input',
      '--database-url',
      join(work, 'shop.db'),
      '--database-connection-id',
      'shop',
    ]);
    copyShopSemanticLayer(work, 'shop');
    const report = (await runCli(['--project-dir', work, '--json', 'status'])).json<Report>();
    expect(report.checks.find((check) => check.id === 'context.shop')).toMatchObject({
      level: 'warn',
      message: 'shop: 9 source(s), 18 measure(s); 2 warning(s)',
    });

    writeFileSync(
      join(work, 'semantic-layer', 'shop', 'orders.yaml'),
      'name: orders\ntable: orders\ngrain: [id]\ncolumns: [{name: id, type: number}]\nmeasures:\n  - {name: bad, expr: "sum(id"}\n',
    );
    const broken = await runCli(['--project-dir', work, '--json', 'status']);
    expect(broken.code).toBe(1);
    expect(broken.json<Report>().checks.find((check) => check.id === 'context.shop')).toMatchObject({
      level: 'fail',
      message: expect.stringContaining('orders.yaml'),
      fix: expect.stringContaining('ktx sl validate'),
    });
  });
});
