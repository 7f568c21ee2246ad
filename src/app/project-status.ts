import { discoverProject, loadConfig } from '../project/index.js';
import { runStatus, STATUS_CHECKS, type StatusReport, VALIDATE_CHECKS } from '../status/index.js';
import { openConnector } from './open-connector.js';
import type { ProjectLocation } from './open-project.js';
import { summariseSemanticLayer } from './semantic-layer.js';

export interface ProjectStatusInput extends ProjectLocation {
  fast?: boolean;
  /** Only validate ktx.yaml (`ktx status --validate`). */
  validateOnly?: boolean;
}

/** `ktx status`: never throws for a broken project — the problems are the report. */
export async function projectStatus(input: ProjectStatusInput): Promise<StatusReport> {
  const discovered = discoverProject({ flag: input.projectDir, env: input.env, cwd: input.cwd });
  if (!discovered.hasConfig) {
    return {
      project: discovered.dir,
      verdict: 'blocked',
      checks: [
        {
          id: 'project.exists',
          area: 'config',
          level: 'fail',
          message: `no ktx.yaml in ${discovered.dir} or any parent directory`,
          fix: 'ktx setup',
        },
      ],
    };
  }
  const loaded = loadConfig(discovered.dir);
  return runStatus(
    {
      projectDir: discovered.dir,
      loaded,
      fast: input.fast ?? false,
      probeTimeoutMs: 10_000,
      openConnector: (id, config) => openConnector(discovered.dir, config, id),
      summariseSemanticLayer: (id) => summariseSemanticLayer(discovered.dir, loaded, id),
      llmReadiness: async (fast) => {
        if (!loaded.config) return null;
        const { llmReadiness } = await import('./llm/llm-readiness.js');
        return llmReadiness({
          projectDir: discovered.dir,
          config: loaded.config,
          env: input.env ?? process.env,
          fast,
          probeTimeoutMs: 30_000,
        });
      },
      embeddingReadiness: async (fast) => {
        if (!loaded.config) return null;
        const { embeddingReadiness } = await import('./search/embedding-readiness.js');
        return embeddingReadiness(loaded.config, discovered.dir, {
          fast,
          timeoutMs: 15_000,
          env: input.env ?? process.env,
        });
      },
      mcpDaemon: async () => {
        const { mcpDaemonStatus } = await import('./mcp/index.js');
        const daemon = await mcpDaemonStatus({ projectDir: discovered.dir, env: input.env });
        return { running: daemon.running, ...(daemon.state ? { url: daemon.state.url } : {}) };
      },
    },
    input.validateOnly ? VALIDATE_CHECKS : STATUS_CHECKS,
  );
}
