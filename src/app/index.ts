// The app layer's main facade, for the CLI (which may import only app and core). Subsystems with heavy
// imports — llm, search, wiki, mcp, agents, demo — have their own facades (`app/<subsystem>/index.ts`),
// which the commands that need them import lazily, so `ktx sql` never loads the MCP SDK or the index.
export { type CellValue, DEFAULT_MAX_ROWS, MAX_MAX_ROWS } from '../connectors/port.js';
export { type Diagnostic, formatDiagnostic } from '../core/index.js';
export {
  discoverProject,
  EMBEDDING_BACKENDS,
  type EmbeddingBackend,
  ktxConfigSchema,
  LLM_BACKENDS,
  type LlmBackend,
  WAREHOUSE_DRIVERS,
  type WarehouseDriver,
  writeFileAtomic,
} from '../project/index.js';
export type { SemanticQuery } from '../semantic/index.js';
export type { CheckResult, StatusReport } from '../status/index.js';
export {
  connectionSchemas,
  describeConnectionTarget,
  requireConnection,
  toConnectorConfig,
} from './connector-config.js';
export { inferDriver } from './infer-driver.js';
export { openConnector } from './open-connector.js';
export { type OpenProject, openProject, type ProjectLocation } from './open-project.js';
export { type ProjectStatusInput, projectStatus } from './project-status.js';
export {
  checkMaxRows,
  pickConnectionId,
  pickConnectionIds,
  type RunSqlInput,
  runSql,
  type SqlResult,
} from './run-sql.js';
export { scanProject } from './scan-project.js';
export { type LoadedSemanticLayer, loadSemanticLayer, requireSource } from './semantic-layer.js';
export { type RunSemanticQueryInput, runSemanticQuery, type SemanticQueryResult } from './semantic-query.js';
export { type DatabaseInput, type SetupInput, type SetupResult, setupProject } from './setup-project.js';
export { type ConnectionTestResult, testConnection, testConnections } from './test-connections.js';
