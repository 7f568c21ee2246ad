import { describe, expect, it } from 'vitest';
import { runnableBlocks, squashSpaces } from './runnable-blocks.js';

const DOC = [
  '# Title',
  '```sh',
  'ktx illustration --not-run',
  '```',
  '```sh runnable',
  'ktx sl',
  'ktx sl validate',
  '```',
  '```text expected',
  'mrr   accounts',
  '',
  '```',
  '````md',
  '```sh runnable',
  'inside another fence: not a block of its own',
  '```',
  '````',
  '```bash runnable',
  'ktx search churn',
  '```',
].join('\n');

describe('runnableBlocks', () => {
  it('finds only blocks marked runnable, with their line and expected output', () => {
    expect(runnableBlocks('x.md', DOC)).toEqual([
      { file: 'x.md', line: 5, script: 'ktx sl\nktx sl validate', expected: ['mrr   accounts'] },
      { file: 'x.md', line: 18, script: 'ktx search churn', expected: [] },
    ]);
  });

  it('compares output with whitespace squashed', () => {
    expect(squashSpaces('mrr\t\taccounts \n')).toBe('mrr accounts');
  });
});
