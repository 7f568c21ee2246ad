import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Connector, DEFAULT_TIMEOUT_MS, DRIVER_DIALECT } from '../../connectors/port.js';
import type { TableProfile } from '../../scan/index.js';
import type { ToolConnection, ToolContext, ToolSemanticLayer } from '../../tools/index.js';
import { requireConnection } from '../connector-config.js';
import { openConnector } from '../open-connector.js';
import { type OpenProject, openProject, type ProjectLocation } from '../open-project.js';
import { openProjectIndex, type ProjectIndex } from '../search/open-project-index.js';
import { loadSemanticLayer } from '../semantic-layer.js';
import { listWiki, readWiki } from '../wiki/wiki-pages.js';

/** A ToolContext over one project, shared by every call of a long-running server. */
export interface ProjectToolContext extends ToolContext {
  readonly projectDir: string;
  /** Closes connectors and the search index. */
  close(): Promise<void>;
}

export interface ProjectToolContextOptions {
  userId?: string;
  /** How long a connector replaced by a ktx.yaml edit stays open for calls still using it. */
  retireAfterMs?: number;
}

/** `mtime:size` of every YAML file under `dir`: one readdir per folder and one stat per file. */
function yamlStamp(dir: string): string {
  const parts: string[] = [];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/i.test(entry.name)) {
        const stat = statSync(path, { throwIfNoEntry: false });
        if (stat) parts.push(`${path}:${stat.mtimeMs}:${stat.size}`);
      }
    }
  };
  walk(dir);
  return parts.sort().join('|');
}

function fileStamp(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
}

/** A promise chain that runs one task at a time (the search index syncs before each query). */
function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * One project load shared by every call: ktx.yaml is re-read when its stamp changes, a connection's
 * semantic layer when any of its YAML files changes, scan profiles when a new run appears; wiki pages
 * are read per call and the search index syncs itself per query. Connectors stay open across calls
 * (each has its own pool), so a call pays for its query, not for a connection.
 */
export function createProjectToolContext(
  location: ProjectLocation,
  options: ProjectToolContextOptions = {},
): ProjectToolContext {
  let project = openProject(location);
  let configStamp = fileStamp(project.layout.config);
  const layers = new Map<string, { stamp: string; layer: ToolSemanticLayer }>();
  const connectors = new Map<string, { key: string; connector: Promise<Connector> }>();
  const profiles = new Map<
    string,
    { run: string; files: Map<string, string>; parsed: Map<string, TableProfile> }
  >();
  let index: Promise<ProjectIndex> | undefined;
  const searchOneAtATime = serial();
  const retireAfterMs = options.retireAfterMs ?? 180_000;

  const retire = (close: () => Promise<void>) => {
    setTimeout(() => void close().catch(() => undefined), retireAfterMs).unref();
  };

  /** The project as ktx.yaml says now (one stat per call). */
  const current = (): OpenProject => {
    const stamp = fileStamp(project.layout.config);
    if (stamp !== configStamp) {
      project = openProject({ ...location, projectDir: project.dir });
      configStamp = stamp;
      layers.clear();
      const oldIndex = index;
      index = undefined;
      if (oldIndex) retire(async () => (await oldIndex).close());
    }
    return project;
  };

  const connectorOf = (id: string): Promise<Connector> => {
    const now = current();
    const key = JSON.stringify(requireConnection(now.config, id));
    const cached = connectors.get(id);
    if (cached?.key === key) return cached.connector;
    if (cached) retire(async () => (await cached.connector).close());
    const connector = openConnector(now.dir, now.config, id);
    connectors.set(id, { key, connector });
    // A failed open is not cached: the next call tries again (the warehouse may be back).
    connector.catch(() => {
      if (connectors.get(id)?.connector === connector) connectors.delete(id);
    });
    return connector;
  };

  const profileOf = (connectionId: string, path: readonly string[]): TableProfile | undefined => {
    const scanDir = join(current().layout.rawSources, connectionId, 'scan');
    if (!existsSync(scanDir)) return undefined;
    const run = readdirSync(scanDir)
      .sort()
      .reverse()
      .find((name) => existsSync(join(scanDir, name, 'tables')));
    if (!run) return undefined;
    let cached = profiles.get(connectionId);
    if (cached?.run !== run) {
      const files = new Map<string, string>();
      for (const file of readdirSync(join(scanDir, run, 'tables'))) {
        const match = /^([^.]*)\.([^.]*)\.json$/.exec(file);
        if (match)
          files.set(`${decodeURIComponent(match[1]!)}.${decodeURIComponent(match[2]!)}`.toLowerCase(), file);
      }
      cached = { run, files, parsed: new Map() };
      profiles.set(connectionId, cached);
    }
    const table = path.at(-1)?.toLowerCase() ?? '';
    const schema = path.length > 1 ? path.at(-2)?.toLowerCase() : undefined;
    const key = [...cached.files.keys()].find((name) =>
      schema === undefined ? name.slice(name.indexOf('.') + 1) === table : name === `${schema}.${table}`,
    );
    if (!key) return undefined;
    const hit = cached.parsed.get(key);
    if (hit) return hit;
    try {
      const profile = JSON.parse(
        readFileSync(join(scanDir, run, 'tables', cached.files.get(key)!), 'utf8'),
      ) as TableProfile;
      cached.parsed.set(key, profile);
      return profile;
    } catch {
      return undefined;
    }
  };

  return {
    projectDir: project.dir,
    ...(options.userId !== undefined ? { userId: options.userId } : {}),
    connections(): ToolConnection[] {
      return Object.entries(current().config.connections).map(([id, connection]) => ({
        id,
        driver: connection.driver,
        dialect: DRIVER_DIALECT[connection.driver],
        ...(connection.description ? { description: connection.description } : {}),
        ...(connection.schemas?.length ? { schemas: connection.schemas } : {}),
      }));
    },
    async semanticLayer(connectionId) {
      const now = current();
      const connection = requireConnection(now.config, connectionId);
      const stamp = `${connection.driver}|${yamlStamp(join(now.layout.semanticLayer, connectionId))}`;
      const cached = layers.get(connectionId);
      if (cached?.stamp === stamp) return cached.layer;
      const layer = loadSemanticLayer(now, connectionId);
      layers.set(connectionId, { stamp, layer });
      return layer;
    },
    search(input) {
      const now = current();
      return searchOneAtATime(async () => {
        index ??= openProjectIndex(now);
        const opened = await index;
        const outcome = await opened.index.search({
          query: input.query,
          ...(input.kinds ? { kinds: input.kinds } : {}),
          ...(input.limit !== undefined ? { limit: input.limit } : {}),
          ...(options.userId !== undefined ? { userId: options.userId } : {}),
          ...(input.connectionId !== undefined ? { connectionId: input.connectionId } : {}),
        });
        return outcome.hits;
      });
    },
    listWiki() {
      return listWiki(current(), options.userId !== undefined ? { userId: options.userId } : {});
    },
    readWiki(key) {
      return readWiki(current(), key, options.userId !== undefined ? { userId: options.userId } : {});
    },
    tableProfile: profileOf,
    async query(connectionId, sql, queryOptions) {
      const connector = await connectorOf(connectionId);
      const timeoutMs =
        queryOptions.timeoutMs ??
        current().config.connections[connectionId]?.query_timeout_ms ??
        DEFAULT_TIMEOUT_MS;
      const result = await connector.query(sql, {
        maxRows: queryOptions.maxRows,
        timeoutMs,
        ...(queryOptions.signal ? { signal: queryOptions.signal } : {}),
      });
      return { driver: connector.driver, ...result };
    },
    async close() {
      const open = [...connectors.values()];
      connectors.clear();
      await Promise.all(open.map(async (each) => (await each.connector.catch(() => undefined))?.close()));
      const opened = index;
      index = undefined;
      if (opened) await (await opened).close();
    },
  };
}
