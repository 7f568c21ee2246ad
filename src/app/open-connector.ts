import { createConnector } from '../connectors/index.js';
import type { Connector } from '../connectors/port.js';
import type { KtxConfig } from '../project/index.js';
import { toConnectorConfig } from './connector-config.js';

/** The one place a configured connection becomes a live connector (the driver is loaded lazily). */
export function openConnector(projectDir: string, config: KtxConfig, id: string): Promise<Connector> {
  return createConnector(toConnectorConfig(projectDir, config, id));
}
