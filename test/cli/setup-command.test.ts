import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { makeShopDatabase } from '../support/sqlite-fixture.js';
import { tempDir } from '../support/temp-dir.js';

describe('ktx setup --no-input', () => {
  it('creates a git-backed project with a tested SQLite connection, and updates it on re-run', async () => {
    const work = tempDir();
    makeShopDatabase(work);
    const project = join(work, 'ctx');
    const first = await runCli(
      [
        '--project-dir',
        project,
        '--json',
        'setup',
        '--no-input',
        '--database',
        'sqlite',
        '--database-url',
        'shop.db',
      ],
      { cwd: work },
    );
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.json()).toMatchObject({
      project: { created: true, git: 'initialised' },
      connection: { id: 'sqlite', action: 'added', test: { ok: true } },
    });
    for (const path of [
      'ktx.yaml',
      '.git',
      'semantic-layer',
      'wiki/global',
      'raw-sources',
      '.ktx/.gitignore',
    ]) {
      expect(existsSync(join(project, path)), path).toBe(true);
    }
    expect(readFileSync(join(project, 'ktx.yaml'), 'utf8')).toContain(`path: ${join(work, 'shop.db')}`);

    const again = await runCli([
      '--project-dir',
      project,
      '--json',
      'setup',
      '--no-input',
      '--database-url',
      join(work, 'shop.db'),
      '--database-connection-id',
      'sqlite',
    ]);
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ project: { created: false }, connection: { action: 'updated' } });
    const config = readFileSync(join(project, 'ktx.yaml'), 'utf8');
    expect(config.match(/driver: sqlite/g)).toHaveLength(1);
    // The starter file's comments survive edits.
    expect(config).toContain('# ktx project configuration');
  });

  it('fails with exit 2 naming the missing flag, and never prompts', async () => {
    const project = tempDir();
    const result = await runCli(['--project-dir', project, 'setup', '--no-input', '--database', 'postgres']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Missing --database-url\. Fix: Pass --database-url/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown driver with the closest name', async () => {
    const result = await runCli([
      '--project-dir',
      tempDir(),
      '--json',
      'setup',
      '--no-input',
      '--database',
      'postgress',
      '--database-url',
      'x',
    ]);
    expect(result.code).toBe(2);
    expect(result.json()).toEqual({
      error: {
        code: 'invalid_argument',
        message: expect.stringContaining('did you mean `postgres`'),
        fix: expect.stringContaining('sqlite, duckdb, postgres, mysql'),
      },
    });
  });

  it('leaves ktx.yaml untouched when the connection test fails', async () => {
    const work = tempDir();
    makeShopDatabase(work);
    const project = join(work, 'ctx');
    expect(
      (
        await runCli([
          '--project-dir',
          project,
          'setup',
          '--no-input',
          '--database-url',
          join(work, 'shop.db'),
        ])
      ).code,
    ).toBe(0);
    const before = readFileSync(join(project, 'ktx.yaml'), 'utf8');
    writeFileSync(join(work, 'broken.db'), 'this is not a database');
    const result = await runCli([
      '--project-dir',
      project,
      'setup',
      '--no-input',
      '--database',
      'sqlite',
      '--database-connection-id',
      'broken',
      '--database-url',
      join(work, 'broken.db'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/failed its test, so ktx\.yaml was not changed/);
    expect(readFileSync(join(project, 'ktx.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a missing database file without creating it', async () => {
    const work = tempDir();
    const result = await runCli([
      '--project-dir',
      join(work, 'p'),
      'setup',
      '--no-input',
      '--database-url',
      join(work, 'nope.db'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist');
    expect(existsSync(join(work, 'nope.db'))).toBe(false);
  });

  it('writes the project lock only while running', async () => {
    const work = tempDir();
    makeShopDatabase(work);
    await runCli(['--project-dir', work, 'setup', '--no-input', '--database-url', join(work, 'shop.db')]);
    expect(existsSync(join(work, '.ktx', 'run', 'lock'))).toBe(false);
    expect(statSync(join(work, '.ktx', 'secrets')).mode & 0o777).toBe(0o700);
  });
});
