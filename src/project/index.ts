export { type AtomicWriteOptions, writeFileAtomic } from './atomic-write.js';
export {
  CONNECTION_ID_PATTERN,
  type ConnectionConfig,
  WAREHOUSE_DRIVERS,
  type WarehouseDriver,
} from './config/connection-schema.js';
export {
  EMBEDDING_BACKENDS,
  type EmbeddingBackend,
  type KtxConfig,
  ktxConfigSchema,
  LLM_BACKENDS,
  type LlmBackend,
} from './config/ktx-config-schema.js';
export { type LoadedConfig, loadConfig, parseConfigText } from './config/load-config.js';
export { type ConfigEdit, updateConfigFile } from './config/update-config.js';
export { type DiscoveredProject, type DiscoverProjectOptions, discoverProject } from './discover-project.js';
export { gitWorkTree } from './git.js';
export { type InitProjectResult, initProject } from './init-project.js';
export { CONFIG_FILE, type ProjectLayout, projectLayout, STATE_DIR } from './layout.js';
export { acquireProjectLock, type ProjectLock } from './project-lock.js';
export { parseSecretRef, resolveSecret, resolveUserPath, type SecretRef } from './secret-ref.js';
export { storeSecret } from './secrets.js';
export { openStateStore, type StateDatabase } from './state-store.js';
