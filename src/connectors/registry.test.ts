import { describe, expect, it } from 'vitest';
import type { ConnectorConfig } from './port.js';
import { createConnector } from './registry.js';

// Opening is lazy: no driver connects until the first call, so these need no server or file.
const CONFIGS: ConnectorConfig[] = [
  { driver: 'sqlite', id: 'a', path: '/nonexistent/a.sqlite' },
  { driver: 'duckdb', id: 'b', path: '/nonexistent/b.duckdb' },
  { driver: 'postgres', id: 'c', url: 'postgres://u:pw@127.0.0.1:1/db' },
  { driver: 'mysql', id: 'd', url: 'mysql://u:pw@127.0.0.1:1/db' },
];

describe('createConnector', () => {
  it.each(CONFIGS)('opens a $driver connector that declares its dialect', async (config) => {
    const connector = await createConnector(config);
    expect([connector.id, connector.driver, connector.dialect]).toEqual([
      config.id,
      config.driver,
      config.driver,
    ]);
    await connector.close();
    await connector.close();
  });
});
