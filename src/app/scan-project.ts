import { toKtxError } from '../core/index.js';
import { createLlmRuntime } from '../llm/index.js';
import type { LlmRuntime } from '../llm/port.js';
import type { KtxConfig } from '../project/index.js';
import { acquireProjectLock } from '../project/index.js';
import {
  runScan,
  type ScanProgress,
  type ScanReport,
  type ScanSettings,
  type TableFilter,
} from '../scan/index.js';
import { connectionSchemas, requireConnection } from './connector-config.js';
import { resolveLlmConfig } from './llm/index.js';
import { openConnector } from './open-connector.js';
import type { OpenProject } from './open-project.js';

function tableFilter(
  enabled: string[] | { include?: string[]; exclude?: string[] } | undefined,
): TableFilter | undefined {
  if (!enabled) return undefined;
  return Array.isArray(enabled) ? { include: enabled } : enabled;
}

/** `scan.profile.*` and `scan.relationships.*` of ktx.yaml as scan settings (unset keys keep defaults). */
function scanSettings(config: KtxConfig): Partial<ScanSettings> {
  const profile = config.scan.profile ?? {};
  const relationships = config.scan.relationships ?? {};
  const settings: Partial<ScanSettings> = {};
  const sampleRows = profile.sampleRows ?? relationships.profileSampleRows;
  if (sampleRows !== undefined) settings.sampleRows = sampleRows;
  const concurrency = profile.concurrency ?? relationships.profileConcurrency;
  if (concurrency !== undefined) settings.concurrency = concurrency;
  if (profile.tableTimeoutMs !== undefined) settings.tableTimeoutMs = profile.tableTimeoutMs;
  if (relationships.enabled !== undefined) settings.relationships = relationships.enabled;
  if (relationships.validationBudget !== undefined)
    settings.validationBudget = relationships.validationBudget;
  if (relationships.validationConcurrency !== undefined)
    settings.validationConcurrency = relationships.validationConcurrency;
  const describeConcurrency = config.scan.enrichment?.concurrency;
  if (describeConcurrency !== undefined) settings.describeConcurrency = describeConcurrency;
  return settings;
}

export interface ScanProjectOptions {
  /** Re-profile every table (`--full`). */
  full?: boolean;
  /** LLM descriptions when a backend is configured (`--no-enrich` turns them off). Default on. */
  enrich?: boolean;
  /** Environment `env:` references and default API-key variables are read from. */
  env?: NodeJS.ProcessEnv;
  /** `--debug-llm-requests`: one redacted line per LLM call. */
  llmDebugFile?: string;
  onStart?: (id: string, index: number) => void;
  onProgress?: (progress: ScanProgress) => void;
}

/**
 * The runtime for scan descriptions, or why there is none. A configuration or start-up problem is
 * not a scan failure (the deterministic scan needs no LLM): it is reported with its fix and the scan
 * carries on without new descriptions.
 */
async function descriptionRuntime(
  project: OpenProject,
  options: ScanProjectOptions,
): Promise<{ runtime?: LlmRuntime; skipped?: string }> {
  if (options.enrich === false) return { skipped: '--no-enrich' };
  const mode = project.config.scan.enrichment?.mode;
  if (mode === 'none' || mode === 'deterministic') return { skipped: `scan.enrichment.mode is ${mode}` };
  if (project.config.llm.provider.backend === 'none') {
    return {
      skipped:
        mode === 'llm'
          ? 'scan.enrichment.mode is llm but llm.provider.backend is none: run `ktx setup --llm-backend <backend>`'
          : 'no LLM backend configured',
    };
  }
  try {
    const resolved = resolveLlmConfig(project.config, {
      projectDir: project.dir,
      env: options.env ?? process.env,
      ...(options.llmDebugFile ? { debugFile: options.llmDebugFile } : {}),
    });
    if (!resolved) return { skipped: 'no LLM backend configured' };
    return { runtime: await createLlmRuntime(resolved) };
  } catch (error) {
    const problem = toKtxError(error);
    return {
      skipped: `LLM unavailable (${problem.code}): ${problem.message}${problem.fix ? ` Fix: ${problem.fix}` : ''}`,
    };
  }
}

/** Scans connections one after another under the project lock. */
export async function scanProject(
  project: OpenProject,
  ids: readonly string[],
  options: ScanProjectOptions = {},
): Promise<ScanReport[]> {
  for (const id of ids) requireConnection(project.config, id);
  const lock = acquireProjectLock(project.layout.lock, 'scan');
  let llm: { runtime?: LlmRuntime; skipped?: string } = {};
  try {
    llm = await descriptionRuntime(project, options);
    const reports: ScanReport[] = [];
    for (const [index, id] of ids.entries()) {
      options.onStart?.(id, index);
      const entry = requireConnection(project.config, id);
      const connector = await openConnector(project.dir, project.config, id);
      try {
        reports.push(
          await runScan({
            projectDir: project.dir,
            connectionId: id,
            connector,
            schemas: connectionSchemas(entry),
            filter: tableFilter(entry.enabled_tables),
            settings: scanSettings(project.config),
            full: options.full === true,
            ...(llm.runtime ? { llm: llm.runtime } : {}),
            ...(llm.skipped ? { describeSkipped: llm.skipped } : {}),
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          }),
        );
      } finally {
        await connector.close();
      }
    }
    return reports;
  } finally {
    await llm.runtime?.close();
    lock.release();
  }
}
