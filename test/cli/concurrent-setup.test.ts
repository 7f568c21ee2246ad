import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/project/index.js';
import { makeShopDatabase } from '../support/sqlite-fixture.js';
import { tempDir } from '../support/temp-dir.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'ktx.js');

function run(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('concurrent ktx processes on one project', () => {
  it('never corrupt ktx.yaml: each setup either lands whole or is refused with project_locked', async () => {
    const work = tempDir();
    const db = makeShopDatabase(work);
    const first = await run([
      '--project-dir',
      work,
      'setup',
      '--no-input',
      '--database-url',
      db,
      '--database-connection-id',
      'base',
    ]);
    expect(first.code).toBe(0);

    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const results = await Promise.all(
      ids.map((id) =>
        run([
          '--project-dir',
          work,
          '--json',
          'setup',
          '--no-input',
          '--database-url',
          db,
          '--database-connection-id',
          id,
        ]),
      ),
    );
    const landed = ids.filter((_, index) => results[index]?.code === 0);
    for (const [index, result] of results.entries()) {
      if (result.code === 0) continue;
      expect(JSON.parse(result.stdout), `setup ${ids[index]}`).toMatchObject({
        error: { code: 'project_locked', message: expect.stringMatching(/another ktx/i) },
      });
    }
    expect(landed.length).toBeGreaterThanOrEqual(1);

    const loaded = parseConfigText(readFileSync(join(work, 'ktx.yaml'), 'utf8'), 'ktx.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.config!.connections).sort()).toEqual(['base', ...landed].sort());
  });
});
