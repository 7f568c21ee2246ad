export {
  AGENT_TARGETS,
  type AgentScope,
  type AgentTarget,
  isAgentTarget,
  type McpLaunch,
  type McpTransport,
  SERVER_NAME,
} from './agent-target.js';
export { BACKUP_SUFFIX, type FileAction, type FileChange } from './apply-edits.js';
export type { EditCheck, EditRole } from './config-edit.js';
export { type AgentInstallResult, type InstallAgentsInput, installAgents } from './install-agents.js';
export { type InstallManifest, manifestPath, readInstallManifest } from './install-manifest.js';
export { mergeJsonConfig } from './json-config-merge.js';
export { mergeMarkdownSection } from './markdown-section-merge.js';
export { outlineToml, TomlSyntaxError } from './toml-outline.js';
export { mergeTomlTable } from './toml-table-merge.js';
