import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKtxError } from '../core/index.js';
import { resolveSecret } from './secret-ref.js';

describe('resolveSecret', () => {
  const projectDir = mkdtempSync(join(tmpdir(), 'ktx-secret-'));
  writeFileSync(join(projectDir, 'url'), 'postgres://u:p@h/db\nsecond line ignored\n');

  it('reads env: at use time and file: relative to the project (first line)', () => {
    expect(resolveSecret('env:KTX_T_URL', { projectDir, where: 'x', env: { KTX_T_URL: 'v' } })).toBe('v');
    expect(resolveSecret('file:url', { projectDir, where: 'x' })).toBe('postgres://u:p@h/db');
    expect(resolveSecret('postgres://literal', { projectDir, where: 'x' })).toBe('postgres://literal');
  });

  it('names the config key and the fix when a reference cannot be resolved, without the value', () => {
    let thrown: unknown;
    try {
      resolveSecret('env:KTX_MISSING_VAR', { projectDir, where: 'connections.wh.url', env: {} });
    } catch (error) {
      thrown = error;
    }
    expect(isKtxError(thrown, 'secret_unresolved')).toBe(true);
    expect((thrown as Error).message).toContain('connections.wh.url');
    expect(() => resolveSecret('file:nope', { projectDir, where: 'k' })).toThrow(/cannot be read/);
  });
});
