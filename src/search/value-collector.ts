import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentCollector } from './document-collector.js';
import { sha1 } from './embedding-text.js';
import { fileStamps, SETTLED_MS } from './file-stamps.js';
import type { SearchDocument } from './search-types.js';

// How many sampled values of one column are indexed: the frequent ones are what people type.
const MAX_VALUES = 50;

interface ProfiledColumn {
  name?: unknown;
  type?: unknown;
  distinct?: unknown;
  uniqueness?: unknown;
  top?: { value?: unknown; count?: unknown }[];
}

/** The newest scan run of a connection that has per-table profiles (`tables/*.json`). */
function latestProfiledRun(projectDir: string, connectionId: string): string | undefined {
  const runs = join(projectDir, 'raw-sources', connectionId, 'scan');
  if (!existsSync(runs)) return undefined;
  // Run ids are ISO timestamps, so name order is time order.
  const names = readdirSync(runs).sort().reverse();
  return names.find((name) => existsSync(join(runs, name, 'tables')));
}

/**
 * Whether a column's values are worth finding by value: text whose sample repeats (plan tiers,
 * statuses, countries), not identifiers, e-mails or free text where nearly every value is unique.
 */
function categorical(column: ProfiledColumn): boolean {
  if (column.type !== 'text' && column.type !== 'boolean') return false;
  const distinct = Number(column.distinct ?? 0);
  const uniqueness = Number(column.uniqueness ?? 1);
  return distinct > 0 && (distinct <= 30 || uniqueness < 0.5);
}

/** Value documents of one table profile (the scan's evidence JSON). */
export function valueDocuments(profile: unknown, connectionId: string, path: string): SearchDocument[] {
  const { schema, table, columns } = (profile ?? {}) as {
    schema?: unknown;
    table?: unknown;
    columns?: unknown;
  };
  if (typeof table !== 'string' || !Array.isArray(columns)) return [];
  const docs: SearchDocument[] = [];
  for (const column of columns as ProfiledColumn[]) {
    if (typeof column.name !== 'string' || !categorical(column)) continue;
    const values = (column.top ?? [])
      .map((entry) => entry.value)
      .filter((value): value is string | boolean => typeof value === 'string' || typeof value === 'boolean')
      .map(String)
      .filter((value) => value.trim().length > 0)
      .slice(0, MAX_VALUES);
    if (values.length === 0) continue;
    docs.push({
      kind: 'value',
      key: `${table}.${column.name}`,
      title: `${table}.${column.name}`,
      names: [column.name, table, ...(typeof schema === 'string' ? [schema] : [])],
      body: values.join(' · '),
      connectionId,
      path,
    });
  }
  return docs;
}

/**
 * Sampled column values from a connection's latest profiled scan run, so "enterprise" finds
 * `accounts.plan_tier`. One origin per connection: a new scan run replaces them all, and the sync
 * rewrites only the columns whose values changed.
 */
export function valueCollector(projectDir: string, connectionId: string): DocumentCollector {
  const origin = `values:${connectionId}`;
  const runDir = () => {
    const run = latestProfiledRun(projectDir, connectionId);
    return run ? join(projectDir, 'raw-sources', connectionId, 'scan', run, 'tables') : undefined;
  };
  // The last stamp by folder and mtime: the folder's name listing is read only when either moves.
  let last: { key: string; stamp: string } | undefined;
  return {
    // Evidence is written by the scanner only, once per run and by atomic rename (which moves the
    // folder's mtime): the run id, the folder's mtime and its file names stamp it without a stat per file.
    stamps() {
      const dir = runDir();
      if (!dir) return new Map();
      const stat = statSync(dir, { throwIfNoEntry: false });
      if (!stat) return new Map();
      const key = `${dir}\u0001${stat.mtimeMs}`;
      if (last?.key === key) return new Map([[origin, last.stamp]]);
      const stamp = sha1(`${key}\u0001${readdirSync(dir).sort().join('\n')}`);
      // Kept only once the folder has settled: an entry added within its mtime tick leaves the mtime.
      last = Date.now() - stat.mtimeMs > SETTLED_MS ? { key, stamp } : undefined;
      return new Map([[origin, stamp]]);
    },
    documents(origins) {
      const dir = runDir();
      if (!origins.includes(origin) || !dir) return new Map();
      const docs: SearchDocument[] = [];
      for (const file of fileStamps(projectDir, dir, (name) => name.endsWith('.json'))) {
        try {
          docs.push(
            ...valueDocuments(
              JSON.parse(readFileSync(join(projectDir, file.path), 'utf8')),
              connectionId,
              file.path,
            ),
          );
        } catch {
          // A half-written or foreign file is skipped; the next scan run replaces it.
        }
      }
      return new Map([[origin, docs]]);
    },
  };
}
