import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../support/run-process.js';
import { tempDir } from '../support/temp-dir.js';
import { type RunnableBlock, runnableBlocks, squashSpaces } from './runnable-blocks.js';

/**
 * Runs every `sh runnable` example of README.md and docs/*.md through the built binary (bin/ktx.js,
 * so `npm run build` first) against a fresh demo project: one `ktx demo` per run, one copy of its
 * project per Markdown file (examples in a file may build on each other, files never see each
 * other's changes). Examples need no network and no LLM.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ktx.js');

function docFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

const BLOCKS = new Map<string, RunnableBlock[]>();
for (const file of docFiles()) {
  const blocks = runnableBlocks(file, readFileSync(join(ROOT, file), 'utf8'));
  if (blocks.length > 0) BLOCKS.set(file, blocks);
}

let work = '';
let demo = '';
let env: NodeJS.ProcessEnv = {};

function run(script: string, cwd: string) {
  return runProcess('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env, timeoutMs: 90_000 });
}

beforeAll(async () => {
  work = tempDir('ktx-docs-');
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'ktx'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'ktx'), 0o755);
  // A private HOME so examples can never touch the user's agent configs; no ambient KTX_* settings.
  const home = join(work, 'home');
  mkdirSync(home);
  env = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: home,
    LANG: 'C.UTF-8',
    GIT_AUTHOR_NAME: 'ktx docs',
    GIT_AUTHOR_EMAIL: 'docs@example.invalid',
    GIT_COMMITTER_NAME: 'ktx docs',
    GIT_COMMITTER_EMAIL: 'docs@example.invalid',
  };
  demo = join(work, 'demo');
  const built = await run(`ktx demo --dir ${JSON.stringify(demo)}`, work);
  if (built.status !== 0) {
    throw new Error(`ktx demo failed (exit ${built.status}):\n${built.stderr}\n${built.stdout}`);
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('runnable examples in README.md and docs/', () => {
  it('has runnable examples to run', () => {
    expect([...BLOCKS.values()].flat().length).toBeGreaterThan(0);
  });

  for (const [file, blocks] of BLOCKS) {
    describe(file, () => {
      let project = '';
      for (const block of blocks) {
        it(`${file}:${block.line}`, async () => {
          if (!project) {
            project = join(work, file.replace(/[^a-z0-9]+/gi, '-'));
            cpSync(demo, project, { recursive: true });
            expect(existsSync(join(project, 'ktx.yaml'))).toBe(true);
          }
          const result = await run(block.script, project);
          const where = `${file}:${block.line}\n$ ${block.script}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
          expect(result.status, `exit ${result.status}: ${where}`).toBe(0);
          const output = squashSpaces(result.stdout);
          for (const line of block.expected) {
            expect(output.includes(squashSpaces(line)), `expected line "${line}" missing: ${where}`).toBe(
              true,
            );
          }
        }, 120_000);
      }
    });
  }
});
