import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlock } from '../scripts/readme-block.mjs';
import { renderCliReference } from '../src/cli/cli-reference.js';
import { buildProgram } from '../src/cli/program.js';
import { captureIo } from './support/capture-io.js';

describe('README CLI reference', () => {
  it('matches the commander program (run `npm run docs:cli` after changing a command)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readBlock(readme, 'cli-reference')).toBe(renderCliReference(buildProgram(captureIo().io)));
  });
});
