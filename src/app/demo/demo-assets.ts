import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KtxError } from '../../core/index.js';

/** The connection id of the bundled warehouse, and the file names inside `assets/demo/`. */
export const DEMO_CONNECTION_ID = 'brightdock';
export const DEMO_WAREHOUSE_FILE = 'brightdock.sqlite';

/**
 * `assets/demo/` of the installed package. This file sits three folders below the package root both
 * as source (`src/app/demo/`) and built (`dist/app/demo/`), and package.json `files` ships `assets`.
 */
export function demoAssetsDir(): string {
  const dir = join(import.meta.dirname, '..', '..', '..', 'assets', 'demo');
  if (!existsSync(join(dir, DEMO_WAREHOUSE_FILE))) {
    throw new KtxError('internal', `The bundled demo is missing from ${dir}.`, {
      fix: 'Reinstall ktx; from a clone, run `node scripts/demo-data/build.mjs` to rebuild the warehouse.',
    });
  }
  return dir;
}
