import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from './layout.js';

export interface DiscoverProjectOptions {
  /** `--project-dir`, highest priority. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface DiscoveredProject {
  dir: string;
  /** How the directory was chosen, for `--debug` output. */
  source: 'flag' | 'env' | 'ancestor' | 'cwd';
  hasConfig: boolean;
}

/** `--project-dir`, then `KTX_PROJECT_DIR`, then the nearest ancestor holding ktx.yaml, then cwd. */
export function discoverProject(options: DiscoverProjectOptions = {}): DiscoveredProject {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const pick = (dir: string, source: DiscoveredProject['source']): DiscoveredProject => ({
    dir,
    source,
    hasConfig: existsSync(join(dir, CONFIG_FILE)),
  });
  if (options.flag) return pick(resolve(cwd, options.flag), 'flag');
  if (env.KTX_PROJECT_DIR) return pick(resolve(cwd, env.KTX_PROJECT_DIR), 'env');
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return pick(dir, 'ancestor');
    if (dirname(dir) === dir) break;
  }
  return pick(resolve(cwd), 'cwd');
}
