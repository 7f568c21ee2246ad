import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir (realpath'd so paths compare equal on every OS). */
export function tempDir(prefix = 'ktx-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}
