import { formatDiagnostic, KtxError } from '../core/index.js';
import {
  type DiscoveredProject,
  discoverProject,
  type KtxConfig,
  type LoadedConfig,
  loadConfig,
  type ProjectLayout,
  projectLayout,
} from '../project/index.js';

export interface ProjectLocation {
  projectDir?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface OpenProject {
  dir: string;
  layout: ProjectLayout;
  discovered: DiscoveredProject;
  loaded: LoadedConfig;
  config: KtxConfig;
}

/** Finds the project and loads a valid config; throws `missing_project` / `config_invalid` otherwise. */
export function openProject(location: ProjectLocation = {}): OpenProject {
  const discovered = discoverProject({ flag: location.projectDir, env: location.env, cwd: location.cwd });
  if (!discovered.hasConfig) {
    throw new KtxError('missing_project', `No ktx.yaml in ${discovered.dir} or any parent directory.`, {
      fix: 'Run `ktx setup` to create a project, or pass --project-dir <dir>.',
    });
  }
  const loaded = loadConfig(discovered.dir);
  if (!loaded.config) {
    const first = loaded.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    const count = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    throw new KtxError(
      'config_invalid',
      `${first ? formatDiagnostic({ ...first, fix: undefined }).replace(/^error: /, '') : 'ktx.yaml is invalid'}${count > 1 ? ` (+${count - 1} more)` : ''}`,
      {
        fix: first?.fix
          ? `${first.fix}; \`ktx status --validate\` lists every problem`
          : 'run `ktx status --validate`',
      },
    );
  }
  return {
    dir: discovered.dir,
    layout: projectLayout(discovered.dir),
    discovered,
    loaded,
    config: loaded.config,
  };
}
