export {
  type CellValue,
  type ConnectionProbe,
  type Connector,
  type ConnectorConfig,
  DEFAULT_MAX_ROWS,
  DEFAULT_TIMEOUT_MS,
  DRIVER_DIALECT,
  DRIVER_NAMES,
  type DriverName,
  type IntrospectedColumn,
  type IntrospectedForeignKey,
  type IntrospectedSchema,
  type IntrospectedTable,
  type IntrospectOptions,
  type LogicalType,
  MAX_MAX_ROWS,
  type QueryOptions,
  type QueryResult,
  type ResultColumn,
} from './port.js';
export { createConnector } from './registry.js';
export { redactUrl } from './shared/redact-url.js';
