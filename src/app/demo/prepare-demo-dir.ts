import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KtxError } from '../../core/index.js';
import { writeFileAtomic } from '../../project/index.js';
import { DEMO_WAREHOUSE_FILE } from './demo-assets.js';

/** Written into `.ktx/` so a later `ktx demo` knows the folder is its own and may refresh it. */
const MARKER = join('.ktx', 'demo.json');
/** Where the warehouse lives inside the demo project (ktx.yaml points here, relative). */
export const DEMO_WAREHOUSE_PATH = join('warehouse', DEMO_WAREHOUSE_FILE);

function isDemo(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { kind?: string }).kind === 'ktx-demo';
  } catch {
    return false;
  }
}

/**
 * Makes `dir` ready for the demo: a missing or empty folder is created; an earlier demo is refreshed
 * in place (bundled files overwritten, nothing else removed); anything else is refused, so the demo
 * never writes into someone's project. Returns whether the folder held a demo already.
 */
export function prepareDemoDir(dir: string, assets: string): { refreshed: boolean } {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new KtxError('project_exists', `${dir} exists and is not a directory.`, {
        fix: 'Pass another folder with --dir <dir>.',
      });
    }
    const entries = readdirSync(dir);
    if (entries.length > 0 && !isDemo(dir)) {
      throw new KtxError('project_exists', `${dir} is not empty and is not a ktx demo project.`, {
        fix: 'Pass a new or empty folder with --dir <dir> (the demo never writes into another project).',
      });
    }
  }
  const refreshed = existsSync(dir) && isDemo(dir);
  mkdirSync(join(dir, 'warehouse'), { recursive: true });
  cpSync(join(assets, DEMO_WAREHOUSE_FILE), join(dir, DEMO_WAREHOUSE_PATH));
  cpSync(join(assets, 'semantic-layer'), join(dir, 'semantic-layer'), { recursive: true });
  cpSync(join(assets, 'wiki'), join(dir, 'wiki'), { recursive: true });
  return { refreshed };
}

/** Marks `dir` as a demo project (after setup created `.ktx/`). */
export function markDemoDir(dir: string): void {
  writeFileAtomic(join(dir, MARKER), `${JSON.stringify({ kind: 'ktx-demo', dataset: 'brightdock' })}\n`);
}
