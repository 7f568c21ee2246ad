/** The agent clients `ktx setup --agents --target` can configure. */
export const AGENT_TARGETS = [
  'claude-code',
  'claude-desktop',
  'codex',
  'cursor',
  'opencode',
  'universal',
] as const;
export type AgentTarget = (typeof AGENT_TARGETS)[number];

/**
 * Where a client's configuration goes. `project`: files in the install directory (shareable in git);
 * `global`: the user's own config for every project; `local`: Claude Code's private per-project entry.
 */
export type AgentScope = 'project' | 'global' | 'local';

export type McpTransport = 'stdio' | 'http';

/** How a client reaches ktx's MCP server. */
export type McpLaunch =
  | {
      transport: 'stdio';
      command: string;
      args: string[];
      /**
       * Env vars the server needs (the `env:` references of ktx.yaml). Clients get their names or
       * `${NAME}`-style references, never their values.
       */
      envNames: string[];
    }
  | {
      transport: 'http';
      url: string;
      envNames: string[];
      /** The env var holding the daemon's bearer token; clients reference it, never the token. */
      tokenEnv?: string;
    };

/** The server name every client config uses; status and re-runs find ktx's entry by it. */
export const SERVER_NAME = 'ktx';

export function isAgentTarget(value: string): value is AgentTarget {
  return (AGENT_TARGETS as readonly string[]).includes(value);
}
