import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { updateConfigFile } from './update-config.js';

describe('updateConfigFile', () => {
  it('keeps comments and other entries, writing block style', () => {
    const file = join(tempDir(), 'ktx.yaml');
    writeFileSync(file, '# my notes\nconnections: {}\nllm:\n  provider:\n    backend: none # offline\n');
    updateConfigFile(file, [{ path: ['connections', 'wh'], value: { driver: 'sqlite', path: 'a.db' } }]);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# my notes');
    expect(text).toContain('backend: none # offline');
    expect(text).toContain('connections:\n  wh:\n    driver: sqlite\n    path: a.db\n');
  });

  it('refuses an edit that would make the file invalid and leaves it byte-identical', () => {
    const file = join(tempDir(), 'ktx.yaml');
    const original = 'connections: {}\n';
    writeFileSync(file, original);
    expect(() => updateConfigFile(file, [{ path: ['llm', 'provider', 'backend'], value: 'gpt' }])).toThrow(
      /would make ktx.yaml invalid/,
    );
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});
