#!/usr/bin/env node
// Rewrites the CLI reference block of README.md from the built program. Run via `npm run docs:cli`.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderCliReference } from '../dist/cli/cli-reference.js';
import { processIo } from '../dist/cli/io.js';
import { buildProgram } from '../dist/cli/program.js';
import { replaceBlock } from './readme-block.mjs';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
writeFileSync(readme, replaceBlock(text, 'cli-reference', renderCliReference(buildProgram(processIo()))));
process.stdout.write('README.md CLI reference updated\n');
