import { KtxError } from '../core/index.js';
import type { Connector, ConnectorConfig, DriverName } from './port.js';

type ConfigFor<D extends DriverName> = Extract<ConnectorConfig, { driver: D }>;
type Opener<D extends DriverName> = (config: ConfigFor<D>) => Promise<Connector>;

/**
 * One lazy opener per driver. Each engine folder (and its driver package) is imported only when a
 * connection of that driver is opened, so `ktx --help` and commands without a warehouse load none.
 * Adding a driver to DRIVER_NAMES is a compile error here until it has an opener.
 */
const OPENERS = {
  sqlite: async (config) =>
    (await load('sqlite', () => import('./sqlite/sqlite-connector.js'))).openSqliteConnector(config),
  duckdb: async (config) =>
    (await load('duckdb', () => import('./duckdb/duckdb-connector.js'))).openDuckDbConnector(config),
  postgres: async (config) =>
    (await load('postgres', () => import('./postgres/postgres-connector.js'))).openPostgresConnector(config),
  mysql: async (config) =>
    (await load('mysql', () => import('./mysql/mysql-connector.js'))).openMysqlConnector(config),
} satisfies { [D in DriverName]: Opener<D> };

/** npm packages each engine folder loads; named in the fix when one is missing. */
const DRIVER_PACKAGES: Record<DriverName, string> = {
  sqlite: 'better-sqlite3',
  duckdb: '@duckdb/node-api',
  postgres: 'pg pg-cursor',
  mysql: 'mysql2',
};

/**
 * Opens a read-only connector for a resolved connection config. Opening is cheap: the first `test()`,
 * `query()` or `introspect()` makes the real connection, and reports `connection_failed` there.
 */
export function createConnector(config: ConnectorConfig): Promise<Connector> {
  return openWith(config);
}

function openWith<D extends DriverName>(config: ConfigFor<D>): Promise<Connector> {
  // TypeScript cannot correlate the record entry with the narrowed config; the mapped type above keeps
  // each entry honest, so this single widening is safe.
  const opener = OPENERS[config.driver as D] as Opener<D>;
  return opener(config);
}

async function load<T>(driver: DriverName, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new KtxError(
      'driver_unavailable',
      `The ${driver} driver could not be loaded: ${(error as Error).message}`,
      {
        fix: `Install it next to ktx: npm install ${DRIVER_PACKAGES[driver]}`,
        cause: error,
        data: { driver },
      },
    );
  }
}
