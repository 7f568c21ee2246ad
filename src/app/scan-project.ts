import { acquireProjectLock } from '../project/index.js';
import { runScan, type ScanReport, type TableFilter } from '../scan/index.js';
import { connectionSchemas, requireConnection } from './connector-config.js';
import { openConnector } from './open-connector.js';
import type { OpenProject } from './open-project.js';

function tableFilter(
  enabled: string[] | { include?: string[]; exclude?: string[] } | undefined,
): TableFilter | undefined {
  if (!enabled) return undefined;
  return Array.isArray(enabled) ? { include: enabled } : enabled;
}

/** Scans connections one after another under the project lock; `onStart` reports progress. */
export async function scanProject(
  project: OpenProject,
  ids: readonly string[],
  onStart?: (id: string, index: number) => void,
): Promise<ScanReport[]> {
  for (const id of ids) requireConnection(project.config, id);
  const lock = acquireProjectLock(project.layout.lock, 'scan');
  try {
    const reports: ScanReport[] = [];
    for (const [index, id] of ids.entries()) {
      onStart?.(id, index);
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
