import type { CodexOptions, ThreadOptions } from '@openai/codex-sdk';
import type { ResolvedLlmConfig } from '../../port.js';
import { buildCodexChildEnv } from './codex-env.js';
import { CODEX_MCP_SERVER_NAME, type CodexMcpServerHandle } from './codex-mcp-server.js';

/** Provider id used when `config.baseUrl` points Codex at an OpenAI-compatible Responses endpoint. */
export const CODEX_GATEWAY_PROVIDER = 'ktx_gateway';
/** Env var carrying `config.apiKey` to that provider (`env_key`); never written to a file. */
export const CODEX_GATEWAY_KEY_ENV_VAR = 'KTX_CODEX_GATEWAY_API_KEY';

/**
 * Codex features that add built-in tools or load user-side extensions. ktx calls are not coding
 * sessions: the model gets the run's MCP tools and nothing that runs commands, opens browsers,
 * spawns sub-agents or runs the user's hooks and plugins. (The read-only sandbox and approval
 * `never` still apply to whatever a future Codex adds that this list does not name.)
 */
export const CODEX_DISABLED_FEATURES = [
  'shell_tool',
  'unified_exec',
  'shell_snapshot',
  'view_image',
  'image_generation',
  'goals',
  'apps',
  'plugins',
  'hooks',
  'multi_agent',
  'browser_use',
  'computer_use',
  'memories',
  'tool_suggest',
  'skill_search',
  'workspace_dependencies',
] as const;

export interface CodexCallOptionsInput {
  config: ResolvedLlmConfig;
  model: string;
  system?: string;
  mcp?: CodexMcpServerHandle;
  /** The isolating wrapper (`codex-cli-launcher.ts`); absent where none runs. */
  codexPathOverride?: string;
}

export interface CodexCallOptions {
  codex: CodexOptions;
  thread: ThreadOptions;
}

type ConfigObject = NonNullable<CodexOptions['config']>;

/**
 * Everything one Codex call is started with. Thread options carry what the SDK has flags for
 * (sandbox, approval, web search, cwd, model); `config` carries the rest as `--config` overrides;
 * `env` is the allow-listed child env plus this call's secrets. Nothing here touches process.env.
 */
export function buildCodexCallOptions(input: CodexCallOptionsInput): CodexCallOptions {
  const { config, model, system, mcp, codexPathOverride } = input;
  const extraEnv: Record<string, string> = {};
  const overrides: ConfigObject = {
    // No ~/.codex/history.jsonl entry for ktx's prompts.
    history: { persistence: 'none' },
    features: Object.fromEntries(CODEX_DISABLED_FEATURES.map((name) => [name, false])),
    // Codex would otherwise send usage metrics to OpenAI (ab.chatgpt.com) from every ktx call.
    analytics: { enabled: false },
    // No AGENTS.md from the project directory (or its parents) in ktx's prompts.
    project_doc_max_bytes: 0,
    // No skills catalogue (Codex's bundled skills or the user's) in the prompt.
    skills: { include_instructions: false, bundled: { enabled: false } },
  };
  if (system !== undefined && system.trim() !== '') overrides.developer_instructions = system;
  if (mcp) {
    extraEnv[mcp.bearerTokenEnvVar] = mcp.bearerToken;
    overrides.mcp_servers = {
      [CODEX_MCP_SERVER_NAME]: {
        url: mcp.url,
        bearer_token_env_var: mcp.bearerTokenEnvVar,
        enabled_tools: [...mcp.toolNames],
        // approval `never` would otherwise refuse MCP calls that ask for approval.
        default_tools_approval_mode: 'approve',
        // Fail the call at start-up rather than letting the model run without its tools.
        required: true,
      },
    };
  }
  if (config.baseUrl) {
    const provider: ConfigObject = {
      name: 'ktx OpenAI-compatible gateway',
      base_url: config.baseUrl,
      wire_api: 'responses',
      // Retries belong to ktx's rate-limit governor, which paces every concurrent call together.
      request_max_retries: 0,
      stream_max_retries: 0,
    };
    if (config.apiKey) {
      provider.env_key = CODEX_GATEWAY_KEY_ENV_VAR;
      extraEnv[CODEX_GATEWAY_KEY_ENV_VAR] = config.apiKey;
    }
    overrides.model_provider = CODEX_GATEWAY_PROVIDER;
    overrides.model_providers = { [CODEX_GATEWAY_PROVIDER]: provider };
  }
  const codex: CodexOptions = {
    env: buildCodexChildEnv(config.env, extraEnv),
    config: overrides,
    ...(codexPathOverride ? { codexPathOverride } : {}),
  };
  // Without a gateway an explicit key goes to the built-in OpenAI provider (the SDK sets CODEX_API_KEY).
  if (config.apiKey && !config.baseUrl) codex.apiKey = config.apiKey;
  return {
    codex,
    thread: {
      model,
      workingDirectory: config.projectDir,
      skipGitRepoCheck: true,
      sandboxMode: 'read-only',
      approvalPolicy: 'never',
      webSearchMode: 'disabled',
      networkAccessEnabled: false,
    },
  };
}
