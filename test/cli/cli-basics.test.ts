import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { makeShopDatabase } from '../support/sqlite-fixture.js';
import { tempDir } from '../support/temp-dir.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'ktx.js');

describe('CLI basics', () => {
  it('an unknown option is a one-line usage error with exit 2', async () => {
    const result = await runCli(['sql', '--bogus', 'select 1']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^error: unknown option '--bogus'\. Fix: see `ktx <command> --help`\.$/,
    );
  });

  it('an unknown output mode is a usage error naming the valid ones', async () => {
    const result = await runCli(['--output', 'yaml', 'connection', 'list', '--project-dir', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Use one of: pretty, plain, json');
  });

  it('a command that needs a project says how to make one', async () => {
    const result = await runCli(['--json', 'connection', 'list'], { cwd: tempDir() });
    expect(result.code).toBe(1);
    expect(result.json()).toEqual({
      error: {
        code: 'missing_project',
        message: expect.stringContaining('No ktx.yaml'),
        fix: expect.stringContaining('ktx setup'),
      },
    });
  });

  it('admin schema prints the JSON Schema of ktx.yaml outside any project', async () => {
    const result = await runCli(['admin', 'schema'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['connections', 'llm', 'embeddings', 'scan', 'ingest']),
    );
  });

  it('the built binary starts, prints help and exits 0 (needs `npm run build`)', () => {
    expect(
      existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js')),
      'run `npm run build` first',
    ).toBe(true);
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage: ktx');
    const bad = spawnSync(process.execPath, [bin, 'nonsense'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown command 'nonsense'");
  });

  // In-process runs share vitest's event loop, which hid a connector close() that let the process
  // exit mid-await. Only a real process proves the CLI finishes its work.
  it('the built binary sets up a project and queries it in its own process', () => {
    const work = tempDir();
    makeShopDatabase(work);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, '--project-dir', work, ...args], { encoding: 'utf8' });
    const setup = run('--json', 'setup', '--no-input', '--database-url', join(work, 'shop.db'));
    expect(setup.status, setup.stderr).toBe(0);
    expect(JSON.parse(setup.stdout)).toMatchObject({ connection: { test: { ok: true } } });
    const query = run('sql', 'select count(*) as n from orders');
    expect(query.status, query.stderr).toBe(0);
    expect(query.stdout).toBe('n\n3\n');
  });
});
