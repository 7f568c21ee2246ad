import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableProfile } from './profile/table-profile.js';

/** Evidence file name of a table: both parts percent-encoded (dots too), so names never collide. */
export function tableEvidenceFile(schema: string, table: string): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/\./g, '%2E');
  return `${encode(schema)}.${encode(table)}.json`;
}

/**
 * Profiles of the most recent earlier scan run of a connection (`raw-sources/<id>/scan/<run>/`,
 * run ids sort by time), by `schema.table`. Unreadable files are skipped: they only cost a re-profile.
 */
export function previousProfiles(scanDir: string, currentRun: string): Map<string, TableProfile> {
  const profiles = new Map<string, TableProfile>();
  if (!existsSync(scanDir)) return profiles;
  const runs = readdirSync(scanDir)
    .filter((run) => run !== currentRun && existsSync(join(scanDir, run, 'report.json')))
    .sort()
    .reverse();
  const latest = runs[0];
  if (!latest) return profiles;
  const tablesDir = join(scanDir, latest, 'tables');
  if (!existsSync(tablesDir)) return profiles;
  for (const file of readdirSync(tablesDir)) {
    try {
      const profile = JSON.parse(readFileSync(join(tablesDir, file), 'utf8')) as TableProfile;
      if (typeof profile.fingerprint !== 'string' || !Array.isArray(profile.columns)) continue;
      profiles.set(`${profile.schema}.${profile.table}`, {
        ...profile,
        reusedFrom: profile.reusedFrom ?? latest,
      });
    } catch {
      // A damaged evidence file is not an error: the table is profiled again.
    }
  }
  return profiles;
}
