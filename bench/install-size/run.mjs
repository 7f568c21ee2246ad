// Measures the default production install: `npm pack` this checkout, install the tarball into an empty
// directory with dev dependencies omitted (what `npm install -g ktx` gets), and report its size.
// Target (issue 3): under 150 MB, with the Claude Agent SDK, the Codex SDK and DuckDB left out as
// optional peers. Needs the npm registry; takes a few minutes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ktx-install-size-'));

function sizeOf(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry));
  return total;
}

try {
  const tarball = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'probe', version: '1.0.0', private: true }),
  );
  const started = performance.now();
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', join(work, tarball)], {
    cwd: work,
    stdio: 'ignore',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const modules = join(work, 'node_modules');
  const total = sizeOf(modules) / 1e6;
  const largest = readdirSync(modules)
    .flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name],
    )
    .map((name) => ({ name, mb: sizeOf(join(modules, name)) / 1e6 }))
    .sort((a, b) => b.mb - a.mb)
    .slice(0, 8);
  console.log(
    `default production install: ${total.toFixed(1)} MB (target < 150 MB, ratio ${(total / 150).toFixed(2)}), ${seconds} s`,
  );
  for (const { name, mb } of largest) console.log(`  ${mb.toFixed(1).padStart(6)} MB  ${name}`);
  const heavy = ['@anthropic-ai/claude-agent-sdk', '@openai/codex-sdk', '@duckdb/node-api'].filter((name) =>
    statSync(join(modules, name), { throwIfNoEntry: false }),
  );
  console.log(`optional peers present: ${heavy.length === 0 ? 'none' : heavy.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
