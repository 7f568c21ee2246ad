import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Connector, IntrospectedSchema } from '../connectors/port.js';
import { projectLayout, writeFileAtomic } from '../project/index.js';
import { manifestShards } from './manifest-shards.js';
import { type TableFilter, tableAllowed } from './table-filter.js';

export interface ScanInput {
  projectDir: string;
  connectionId: string;
  connector: Connector;
  schemas?: readonly string[];
  filter?: TableFilter;
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
  /** Project-relative paths written. */
  manifests: string[];
  evidence: string;
  elapsedMs: number;
}

/**
 * A structural scan: introspect the connection (schema scope and `enabled_tables` applied), keep
 * the catalog as evidence under `raw-sources/<id>/scan/<run>/`, and rewrite the
 * `semantic-layer/<id>/_schema/` shards from it. Only `_schema/` is touched: standalone sources
 * and overlays beside it are the user's. Each file is written atomically; shards of schemas that
 * no longer exist are removed last.
 */
export async function runScan(input: ScanInput): Promise<ScanReport> {
  const started = performance.now();
  const layout = projectLayout(input.projectDir);
  const raw = await input.connector.introspect(
    input.schemas && input.schemas.length > 0 ? { schemas: input.schemas } : {},
  );
  const catalog: IntrospectedSchema = {
    tables: raw.tables.filter((table) => tableAllowed(input.filter, table.schema, table.name)),
  };
  const runId = (input.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  const evidenceDir = join(layout.rawSources, input.connectionId, 'scan', runId);
  writeFileAtomic(join(evidenceDir, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);

  const schemaDir = join(layout.semanticLayer, input.connectionId, '_schema');
  const shards = manifestShards(catalog);
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
  const report: ScanReport = {
    connectionId: input.connectionId,
    runId,
    tables: catalog.tables.filter((table) => table.kind === 'table').length,
    views: catalog.tables.filter((table) => table.kind === 'view').length,
    columns: catalog.tables.reduce((total, table) => total + table.columns.length, 0),
    foreignKeys: catalog.tables.reduce((total, table) => total + table.foreignKeys.length, 0),
    manifests: written,
    evidence: relative(input.projectDir, evidenceDir),
    elapsedMs: Math.round(performance.now() - started),
  };
  writeFileAtomic(join(evidenceDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
