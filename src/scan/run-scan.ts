import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Connector, IntrospectedSchema } from '../connectors/port.js';
import type { LlmRuntime } from '../llm/port.js';
import { projectLayout, writeFileAtomic } from '../project/index.js';
import type { DescriptionFailure, DescriptionsEvidence } from './describe/table-description.js';
import { describeTables } from './describe-tables.js';
import { manifestShards } from './manifest-shards.js';
import { profileTables } from './profile/profile-tables.js';
import type { ProfileFailure, TableProfile } from './profile/table-profile.js';
import { discoverRelationships } from './relationships/discover-relationships.js';
import type { RelationshipsResult } from './relationships/relationship.js';
import { previousDescriptions, previousProfiles, tableEvidenceFile } from './scan-evidence.js';
import type { ScanPhase, ScanProgress } from './scan-progress.js';
import { type TableFilter, tableAllowed } from './table-filter.js';

/** Profiling and discovery settings (`scan.profile.*`, `scan.relationships.*` of ktx.yaml). */
export interface ScanSettings {
  /** Rows sampled per table (default 10,000). */
  sampleRows: number;
  /** Tables profiled at once (default 4). */
  concurrency: number;
  /** Time one table's profile (row count + sample) may take, and each validation query (default 60 s). */
  tableTimeoutMs: number;
  /** Relationship discovery beyond declared keys (default on). */
  relationships: boolean;
  /** Validation/key-check statements per scan: a number, `all`, or undefined for max(1000, 10 × tables). */
  validationBudget: number | 'all' | undefined;
  validationConcurrency: number;
  /** Tables described by the LLM at once (`scan.enrichment.concurrency`, default 4). */
  describeConcurrency: number;
}

export const DEFAULT_SCAN_SETTINGS: ScanSettings = {
  sampleRows: 10_000,
  concurrency: 4,
  tableTimeoutMs: 60_000,
  relationships: true,
  validationBudget: undefined,
  validationConcurrency: 4,
  describeConcurrency: 4,
};

export interface ScanInput {
  projectDir: string;
  connectionId: string;
  connector: Connector;
  schemas?: readonly string[];
  filter?: TableFilter;
  settings?: Partial<ScanSettings>;
  /** Re-profile every table even when its structure and row estimate are unchanged. */
  full?: boolean;
  /**
   * LLM runtime for descriptions; absent means no new descriptions (`--no-enrich`, no backend, mode
   * `none`): descriptions of unchanged tables are still carried over from the previous run.
   */
  llm?: LlmRuntime;
  /** Why there is no runtime, for the report (e.g. `--no-enrich`, a configuration problem). */
  describeSkipped?: string;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** Injected clock, so run ids are testable. */
  now?: () => Date;
}

export interface ScanReport {
  connectionId: string;
  runId: string;
  tables: number;
  views: number;
  columns: number;
  foreignKeys: number;
  /** Tables profiled in this run, carried over unchanged from the previous run, and failed. */
  profiled: number;
  reused: number;
  profileFailures: ProfileFailure[];
  relationships: {
    accepted: number;
    formal: number;
    inferred: number;
    review: number;
    rejected: number;
    primaryKeys: { declared: number; inferred: number };
    queries: number;
    budget: number;
  };
  /**
   * LLM descriptions: tables described by the model in this run, carried over unchanged, failed
   * (one entry each, the scan went on), model calls made, and why none were generated when so.
   */
  descriptions: {
    generated: number;
    reused: number;
    failures: DescriptionFailure[];
    calls: number;
    skipped?: string;
  };
  /** Project-relative paths written. */
  manifests: string[];
  evidence: string;
  elapsedMs: number;
}

/**
 * A scan: introspect (schema scope and `enabled_tables` applied), profile each table on a bounded
 * random sample (unchanged tables reuse their last profile unless `full`), discover relationships,
 * keep everything as evidence under `raw-sources/<id>/scan/<run>/` (catalog.json, tables/*.json,
 * relationships.json, report.json), and rewrite the `semantic-layer/<id>/_schema/` shards. Only
 * `_schema/` is touched in the semantic layer; every file is written atomically.
 */
export async function runScan(input: ScanInput): Promise<ScanReport> {
  const started = performance.now();
  const settings = { ...DEFAULT_SCAN_SETTINGS, ...input.settings };
  const progress = (phase: ScanPhase, done: number, total: number) =>
    input.onProgress?.({
      connectionId: input.connectionId,
      phase,
      done,
      total,
      elapsedMs: Math.round(performance.now() - started),
    });
  const layout = projectLayout(input.projectDir);
  progress('introspect', 0, 1);
  const raw = await input.connector.introspect({
    ...(input.schemas && input.schemas.length > 0 ? { schemas: input.schemas } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const catalog: IntrospectedSchema = {
    tables: raw.tables.filter((table) => tableAllowed(input.filter, table.schema, table.name)),
  };
  progress('introspect', 1, 1);
  const runId = (input.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  const scanDir = join(layout.rawSources, input.connectionId, 'scan');
  const evidenceDir = join(scanDir, runId);
  writeFileAtomic(join(evidenceDir, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);

  progress('profile', 0, catalog.tables.length);
  const profiled = await profileTables({
    connector: input.connector,
    tables: catalog.tables,
    sampleRows: settings.sampleRows,
    concurrency: settings.concurrency,
    tableTimeoutMs: settings.tableTimeoutMs,
    previous: previousProfiles(scanDir, runId),
    full: input.full === true,
    ...(input.signal ? { signal: input.signal } : {}),
    onTableDone: (_, done) => progress('profile', done, catalog.tables.length),
  });
  const profiles = new Map<string, TableProfile>(
    profiled.profiles.map((profile) => [`${profile.schema}.${profile.table}`, profile]),
  );
  for (const profile of profiled.profiles)
    writeFileAtomic(
      join(evidenceDir, 'tables', tableEvidenceFile(profile.schema, profile.table)),
      `${JSON.stringify(profile, null, 2)}\n`,
    );

  let discovered: RelationshipsResult | undefined;
  if (settings.relationships) {
    const budget =
      settings.validationBudget === 'all'
        ? Number.POSITIVE_INFINITY
        : (settings.validationBudget ?? Math.max(1000, 10 * catalog.tables.length));
    discovered = await discoverRelationships({
      connector: input.connector,
      tables: catalog.tables,
      profiles,
      budget,
      concurrency: settings.validationConcurrency,
      timeoutMs: settings.tableTimeoutMs,
      ...(input.signal ? { signal: input.signal } : {}),
      onProgress: (done, total) => progress('relationships', done, total),
    });
    writeFileAtomic(join(evidenceDir, 'relationships.json'), `${JSON.stringify(discovered, null, 2)}\n`);
  }

  if (input.llm) progress('describe', 0, catalog.tables.length);
  const described = await describeTables({
    tables: catalog.tables,
    profiles,
    relationships: discovered?.relationships ?? [],
    previous: previousDescriptions(scanDir, runId),
    full: input.full === true,
    concurrency: settings.describeConcurrency,
    ...(input.llm ? { runtime: input.llm } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.llm ? { onTableDone: (done: number, total: number) => progress('describe', done, total) } : {}),
  });
  const descriptionsEvidence: DescriptionsEvidence = {
    descriptions: described.descriptions,
    failures: described.failures,
  };
  writeFileAtomic(
    join(evidenceDir, 'descriptions.json'),
    `${JSON.stringify(descriptionsEvidence, null, 2)}\n`,
  );

  progress('write', 0, 1);
  const schemaDir = join(layout.semanticLayer, input.connectionId, '_schema');
  const shards = manifestShards(catalog, discovered, described.descriptions);
  const written = shards.map((shard) => {
    const path = join(schemaDir, shard.file);
    writeFileAtomic(path, shard.yaml);
    return relative(input.projectDir, path);
  });
  const keep = new Set(shards.map((shard) => shard.file));
  if (existsSync(schemaDir)) {
    for (const file of readdirSync(schemaDir))
      if (/\.ya?ml$/.test(file) && !keep.has(file)) rmSync(join(schemaDir, file));
  }
  progress('write', 1, 1);
  const found = discovered?.relationships ?? [];
  const report: ScanReport = {
    connectionId: input.connectionId,
    runId,
    tables: catalog.tables.filter((table) => table.kind === 'table').length,
    views: catalog.tables.filter((table) => table.kind === 'view').length,
    columns: catalog.tables.reduce((total, table) => total + table.columns.length, 0),
    foreignKeys: catalog.tables.reduce((total, table) => total + table.foreignKeys.length, 0),
    profiled: profiled.profiles.length - profiled.reused,
    reused: profiled.reused,
    profileFailures: profiled.failures,
    relationships: {
      accepted: found.filter((entry) => entry.status === 'accepted').length,
      formal: found.filter((entry) => entry.origin === 'formal').length,
      inferred: found.filter((entry) => entry.status === 'accepted' && entry.origin !== 'formal').length,
      review: found.filter((entry) => entry.status === 'review').length,
      rejected: found.filter((entry) => entry.status === 'rejected').length,
      primaryKeys: {
        declared: discovered?.primaryKeys.filter((key) => key.origin === 'declared').length ?? 0,
        inferred:
          discovered?.primaryKeys.filter((key) => key.origin === 'inferred' && key.status === 'accepted')
            .length ?? 0,
      },
      queries: discovered?.diagnostics.queries ?? 0,
      budget: Number.isFinite(discovered?.diagnostics.budget) ? (discovered?.diagnostics.budget ?? 0) : -1,
    },
    descriptions: {
      generated: described.generated,
      reused: described.reused,
      failures: described.failures,
      calls: described.calls,
      ...(input.llm ? {} : { skipped: input.describeSkipped ?? 'no LLM runtime' }),
    },
    manifests: written,
    evidence: relative(input.projectDir, evidenceDir),
    elapsedMs: Math.round(performance.now() - started),
  };
  writeFileAtomic(join(evidenceDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
