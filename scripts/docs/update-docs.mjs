#!/usr/bin/env node
// Regenerates docs/ktx-yaml.md, docs/cli.md and docs/troubleshooting.md from the built program
// (`npm run build` first). `--check` writes nothing and exits 1 when a file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderCliReference } from '../../dist/cli/cli-reference.js';
import { processIo } from '../../dist/cli/io.js';
import { exitCodeFor } from '../../dist/cli/print-error.js';
import { buildProgram } from '../../dist/cli/program.js';
import { ERROR_CODES } from '../../dist/core/index.js';
import { ktxConfigSchema } from '../../dist/project/index.js';
import { ERROR_GUIDE } from './error-guide.mjs';
import { renderCliDoc } from './render-cli-doc.mjs';
import { ktxYamlJsonSchema, renderKtxYamlDoc, undocumentedKeys } from './render-ktx-yaml.mjs';
import { guideProblems, renderTroubleshooting } from './render-troubleshooting.mjs';

const check = process.argv.includes('--check');
const problems = [];
const undocumented = undocumentedKeys(ktxYamlJsonSchema(ktxConfigSchema));
if (undocumented.length > 0) problems.push(`ktx.yaml keys without a description: ${undocumented.join(', ')}`);
const guide = guideProblems(ERROR_CODES, ERROR_GUIDE);
if (guide.missing.length > 0)
  problems.push(`error codes without a fix in error-guide.mjs: ${guide.missing.join(', ')}`);
if (guide.unknown.length > 0)
  problems.push(`error-guide.mjs names unknown codes: ${guide.unknown.join(', ')}`);

const outputs = {
  'docs/ktx-yaml.md': renderKtxYamlDoc(ktxConfigSchema),
  'docs/cli.md': renderCliDoc(renderCliReference(buildProgram(processIo()))),
  'docs/troubleshooting.md': renderTroubleshooting({
    codes: ERROR_CODES,
    guide: ERROR_GUIDE,
    exitCodeFor: (code) => exitCodeFor({ code }),
  }),
};
for (const [path, text] of Object.entries(outputs)) {
  const url = new URL(`../../${path}`, import.meta.url);
  let current = '';
  try {
    current = readFileSync(url, 'utf8');
  } catch {}
  if (current === text) continue;
  if (check) problems.push(`${path} is stale`);
  else {
    writeFileSync(url, text);
    process.stdout.write(`${path} updated\n`);
  }
}
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
