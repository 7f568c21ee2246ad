import type { AgentScope, McpLaunch } from './agent-target.js';
import type { ConfigEdit } from './config-edit.js';

/** Everything a target needs to plan its edits; paths are absolute. */
export interface AgentInstallContext {
  projectDir: string;
  /** Where project-scoped files go (`--install-dir`, else the project directory). */
  installDir: string;
  scope: AgentScope;
  launch: McpLaunch;
  /** The user's home and environment (CODEX_HOME, CLAUDE_CONFIG_DIR, XDG_CONFIG_HOME, APPDATA). */
  home: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** What one target wants written, plus what the user must know or do next. */
export interface AgentPlan {
  edits: ConfigEdit[];
  notes: string[];
}
