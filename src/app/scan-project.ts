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
  return settings;
}

export interface ScanProjectOptions {
  /** Re-profile every table (`--full`). */
  full?: boolean;
  /** LLM descriptions when a backend is configured (`--no-enrich` turns them off). Not built yet. */
  enrich?: boolean;
  onStart?: (id: string, index: number) => void;
  onProgress?: (progress: ScanProgress) => void;
}

/** Scans connections one after another under the project lock. */
export async function scanProject(
  project: OpenProject,
  ids: readonly string[],
  options: ScanProjectOptions = {},
): Promise<ScanReport[]> {
  for (const id of ids) requireConnection(project.config, id);
  const lock = acquireProjectLock(project.layout.lock, 'scan');
  try {
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
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          }),
        );
      } finally {
        await connector.close();
      }
    }
    return reports;
  } finally {
    lock.release();
  }
}
