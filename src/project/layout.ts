import { join } from 'node:path';

/** Names of the files and folders that make up a project on disk (DESIGN.md, "Project on disk"). */
export const CONFIG_FILE = 'ktx.yaml';
export const STATE_DIR = '.ktx';

export interface ProjectLayout {
  root: string;
  config: string;
  semanticLayer: string;
  wikiGlobal: string;
  wikiUsers: string;
  rawSources: string;
  state: string;
  stateDb: string;
  secrets: string;
  logs: string;
  run: string;
  lock: string;
}

export function projectLayout(root: string): ProjectLayout {
  const state = join(root, STATE_DIR);
  return {
    root,
    config: join(root, CONFIG_FILE),
    semanticLayer: join(root, 'semantic-layer'),
    wikiGlobal: join(root, 'wiki', 'global'),
    wikiUsers: join(root, 'wiki', 'user'),
    rawSources: join(root, 'raw-sources'),
    state,
    stateDb: join(state, 'state.sqlite'),
    secrets: join(state, 'secrets'),
    logs: join(state, 'logs'),
    run: join(state, 'run'),
    lock: join(state, 'run', 'lock'),
  };
}
