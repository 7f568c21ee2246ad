import { chmodSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { projectLayout } from './layout.js';

/**
 * Stores a secret under `.ktx/secrets/<name>` (dir 0700, file 0600) and returns the `file:` reference
 * to put in ktx.yaml, relative to the project so the project can move.
 */
export function storeSecret(projectDir: string, name: string, value: string): string {
  const layout = projectLayout(projectDir);
  mkdirSync(layout.secrets, { recursive: true, mode: 0o700 });
  chmodSync(layout.secrets, 0o700);
  const path = join(layout.secrets, name);
  writeFileAtomic(path, `${value}\n`, { mode: 0o600 });
  return `file:${relative(projectDir, path)}`;
}
