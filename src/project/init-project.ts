import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { gitAvailable, gitInitWithCommit, gitWorkTree } from './git.js';
import { projectLayout } from './layout.js';

const STARTER_CONFIG = `# ktx project configuration — see \`ktx admin schema\` for every key.
# Secrets never go here: use env:NAME or file:PATH references.
connections: {}
llm:
  provider:
    backend: none
embeddings:
  backend: none
`;

export interface InitProjectResult {
  created: boolean;
  /** Where the project's files are tracked: a new repo, an enclosing one, or none (git missing). */
  git: 'initialised' | 'enclosing' | 'unavailable';
}

/**
 * Creates the on-disk layout of DESIGN.md in `dir` (idempotent: existing files are kept). A new
 * repository is initialised only when `dir` is not already inside one, so ktx can live in a
 * subfolder of an existing analytics repo.
 */
export function initProject(dir: string): InitProjectResult {
  const layout = projectLayout(dir);
  const created = !existsSync(layout.config);
  mkdirSync(dir, { recursive: true });
  for (const folder of [layout.semanticLayer, layout.wikiGlobal, layout.rawSources]) {
    mkdirSync(folder, { recursive: true });
    const keep = join(folder, '.gitkeep');
    if (!existsSync(keep)) writeFileSync(keep, '');
  }
  mkdirSync(layout.secrets, { recursive: true, mode: 0o700 });
  mkdirSync(layout.logs, { recursive: true });
  // Everything under .ktx/ is derived or private; its own .gitignore keeps it out of any repo.
  const ignore = join(layout.state, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  if (created) writeFileAtomic(layout.config, STARTER_CONFIG);

  if (!gitAvailable()) return { created, git: 'unavailable' };
  const enclosing = gitWorkTree(dir);
  if (enclosing) return { created, git: 'enclosing' };
  const tracked = ['ktx.yaml', 'semantic-layer', 'wiki', 'raw-sources'].map((path) =>
    relative(dir, join(dir, path)),
  );
  gitInitWithCommit(dir, tracked, 'ktx: new project');
  return { created, git: 'initialised' };
}
