// The agent-integration facade of the app layer; re-exported by ../index.ts.
export { AGENT_TARGETS, type AgentInstallResult, type AgentTarget } from '../../agents/index.js';
export {
  DEFAULT_MCP_URL,
  referencedEnvNames,
  type SetupAgentsInput,
  type SetupAgentsResult,
  setupAgents,
} from './setup-agents.js';
