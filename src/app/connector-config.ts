import { redactUrl } from '../connectors/index.js';
import type { ConnectorConfig } from '../connectors/port.js';
import { didYouMean, KtxError } from '../core/index.js';
import {
  type ConnectionConfig,
  type KtxConfig,
  parseSecretRef,
  resolveSecret,
  resolveUserPath,
} from '../project/index.js';

/** Strips `sqlite://`/`duckdb://` URL prefixes so both `path:` and `url:` spellings reach the same file. */
function filePathFromUrl(url: string): string {
  const match = /^(?:sqlite|duckdb):(?:\/\/)?(.*)$/i.exec(url);
  return match ? match[1]! : url;
}

function serverUrl(id: string, connection: ConnectionConfig, projectDir: string): string {
  const secret = (value: string, key: string): string =>
    resolveSecret(value, { projectDir, where: `connections.${id}.${key}` });
  if (connection.url) return secret(connection.url, 'url');
  const protocol = connection.driver === 'postgres' ? 'postgres' : 'mysql';
  const url = new URL(`${protocol}://${connection.host ?? 'localhost'}`);
  if (connection.port) url.port = String(connection.port);
  const user = connection.username ?? connection.user;
  if (user) url.username = encodeURIComponent(user);
  if (connection.password) url.password = encodeURIComponent(secret(connection.password, 'password'));
  if (connection.database) url.pathname = `/${encodeURIComponent(connection.database)}`;
  return url.toString();
}

/** The configured schemas: `schemas` wins over the single `schema`. */
export function connectionSchemas(connection: ConnectionConfig): string[] | undefined {
  if (connection.schemas && connection.schemas.length > 0) return connection.schemas;
  return connection.schema ? [connection.schema] : undefined;
}

export function requireConnection(config: KtxConfig, id: string): ConnectionConfig {
  const connection = config.connections[id];
  if (connection) return connection;
  const ids = Object.keys(config.connections);
  throw new KtxError('connection_unknown', `No connection \`${id}\` in ktx.yaml${didYouMean(id, ids)}.`, {
    fix:
      ids.length > 0
        ? `Use one of: ${ids.join(', ')}.`
        : 'Add one with `ktx setup --database <driver> --database-url <url>`.',
    data: { connectionId: id },
  });
}

/** Resolves a ktx.yaml connection entry (secrets, relative paths) into what a connector needs. */
export function toConnectorConfig(projectDir: string, config: KtxConfig, id: string): ConnectorConfig {
  const connection = requireConnection(config, id);
  const schemas = connectionSchemas(connection);
  switch (connection.driver) {
    case 'sqlite':
    case 'duckdb': {
      const raw = connection.path ?? filePathFromUrl(connection.url ?? '');
      const path = resolveUserPath(
        resolveSecret(raw, { projectDir, where: `connections.${id}.path` }),
        projectDir,
      );
      return connection.driver === 'sqlite'
        ? { driver: 'sqlite', id, path }
        : { driver: 'duckdb', id, path, schemas };
    }
    case 'postgres':
    case 'mysql':
      return {
        driver: connection.driver,
        id,
        url: serverUrl(id, connection, projectDir),
        schemas,
        maxConnections: connection.maxConnections,
      };
  }
}

/**
 * Where a connection points, fit to print: references (`env:`, `file:`) and file paths as written,
 * literal URLs without their password.
 */
export function describeConnectionTarget(connection: ConnectionConfig): string {
  if (connection.path) return connection.path;
  const value = connection.url;
  if (!value) return `${connection.host ?? ''}/${connection.database ?? ''}`;
  if (parseSecretRef(value).kind !== 'literal' || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  return redactUrl(value);
}
