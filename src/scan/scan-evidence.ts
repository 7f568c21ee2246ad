import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DescriptionsEvidence, TableDescription } from './describe/table-description.js';
import type { TableProfile } from './profile/table-profile.js';

/** Evidence file name of a table: both parts percent-encoded (dots too), so names never collide. */
export function tableEvidenceFile(schema: string, table: string): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/\./g, '%2E');
  return `${encode(schema)}.${encode(table)}.json`;
}

/** The most recent earlier run that finished (has a report), or undefined. Run ids sort by time. */
function latestRun(scanDir: string, currentRun: string): string | undefined {
  if (!existsSync(scanDir)) return undefined;
  return readdirSync(scanDir)
    .filter((run) => run !== currentRun && existsSync(join(scanDir, run, 'report.json')))
    .sort()
    .reverse()[0];
}

/**
 * Profiles of the most recent earlier scan run of a connection (`raw-sources/<id>/scan/<run>/`,
 * run ids sort by time), by `schema.table`. Unreadable files are skipped: they only cost a re-profile.
 */
export function previousProfiles(scanDir: string, currentRun: string): Map<string, TableProfile> {
  const profiles = new Map<string, TableProfile>();
  const latest = latestRun(scanDir, currentRun);
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

/**
 * Descriptions of the most recent earlier finished run, by `schema.table`: the description cache.
 * A missing or damaged file only costs new model calls.
 */
export function previousDescriptions(scanDir: string, currentRun: string): Map<string, TableDescription> {
  const descriptions = new Map<string, TableDescription>();
  const latest = latestRun(scanDir, currentRun);
  if (!latest) return descriptions;
  try {
    const evidence = JSON.parse(
      readFileSync(join(scanDir, latest, 'descriptions.json'), 'utf8'),
    ) as Partial<DescriptionsEvidence>;
    for (const entry of evidence.descriptions ?? []) {
      if (typeof entry?.key !== 'string' || typeof entry.columns !== 'object' || entry.columns === null)
        continue;
      // Hand-edited or damaged entries keep only their text values.
      const columns = Object.fromEntries(
        Object.entries(entry.columns).filter(([, text]) => typeof text === 'string'),
      );
      descriptions.set(`${entry.schema}.${entry.table}`, {
        ...entry,
        columns,
        reusedFrom: entry.reusedFrom ?? latest,
      });
    }
  } catch {
    // No cache (first scan, a run without descriptions) or a damaged file: describe again.
  }
  return descriptions;
}
