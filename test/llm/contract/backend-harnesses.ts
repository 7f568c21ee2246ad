import {
  createLlmRuntime,
  createRateLimitGovernor,
  type LlmRuntime,
  type LlmRuntimeDeps,
} from '../../../src/llm/index.js';
import type { ResolvedLlmConfig } from '../../../src/llm/port.js';
import { CLAUDE_TEST_MODEL, claudeContractConfig } from '../claude-code/claude-code-harness.js';
import { SCRIPTED_CODEX_MODEL, scriptedCodexConfig } from '../codex/codex-harness.js';

/** The cases of contract.test.ts; a harness may skip any of them with a reason. */
export const CONTRACT_CASES = [
  'text',
  'object',
  'loop',
  'natural',
  'budget',
  'error',
  'abort',
  'rate_limit',
  'auth',
  'unknown_model',
  'malformed_tool_json',
  'usage',
] as const;
export type ContractCase = (typeof CONTRACT_CASES)[number];

export interface HarnessOverrides {
  config?: Partial<ResolvedLlmConfig>;
  deps?: LlmRuntimeDeps;
}

export interface BackendHarness {
  name: string;
  /** The wire API the scripted server answers this backend on. */
  api: 'anthropic' | 'responses' | 'chat' | 'gateway';
  /** Model id for `default` (and the id the server sees, after alias resolution). */
  model: string;
  makeRuntime(serverUrl: string, overrides?: HarnessOverrides): Promise<LlmRuntime>;
  /** How a scripted tool call names a ktx tool when the backend publishes it under another name. */
  scriptedToolName?: (tool: string) => string;
  /** Cases this backend cannot run here, each with the reason. */
  skip?: Partial<Record<ContractCase, string>>;
}

/** The defaults a new user gets from `ktx setup` (app layer resolve-llm-config). */
import { DEFAULT_PROMPT_CACHING } from '../../../src/llm/port.js';

export { DEFAULT_PROMPT_CACHING };

/** A governor with short opaque backoffs so 5xx retries do not slow the suite; retry-after is still honoured. */
export function fastGovernor() {
  return createRateLimitGovernor({ baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 4 });
}

function baseConfig(backend: ResolvedLlmConfig['backend'], model: string): ResolvedLlmConfig {
  return {
    backend,
    models: { default: model, repair: model },
    promptCaching: DEFAULT_PROMPT_CACHING,
    projectDir: process.cwd(),
    env: {},
  };
}

async function apiRuntime(
  backend: ResolvedLlmConfig['backend'],
  model: string,
  serverUrl: string,
  overrides: HarnessOverrides = {},
  extra: Partial<ResolvedLlmConfig> = {},
  deps: LlmRuntimeDeps = {},
): Promise<LlmRuntime> {
  const config = { ...baseConfig(backend, model), baseUrl: `${serverUrl}/v1`, ...extra, ...overrides.config };
  return createLlmRuntime(config, { governor: fastGovernor(), ...deps, ...overrides.deps });
}

/**
 * Vertex serves Anthropic Messages at `…/models/<model>:rawPredict` with the model in the path;
 * this transport shim moves it back into the body and onto `/v1/messages` so the scripted server
 * can answer. Everything before the wire (the real @ai-sdk/google-vertex provider) is exercised.
 */
export function vertexToMessagesFetch(serverUrl: string, base: typeof fetch = fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const match = /\/([^/:]+):(rawPredict|streamRawPredict)$/.exec(url);
    if (!match || typeof init?.body !== 'string') return base(input, init);
    const body = { ...JSON.parse(init.body), model: match[1] };
    return base(`${serverUrl}/v1/messages`, { ...init, body: JSON.stringify(body) });
  }) as typeof fetch;
}

/** Every backend the contract suite runs; other engineers add theirs here. */
export const BACKEND_HARNESSES: BackendHarness[] = [
  {
    name: 'anthropic',
    api: 'anthropic',
    model: 'claude-sonnet-4-6',
    makeRuntime: (url, overrides) =>
      apiRuntime('anthropic', 'claude-sonnet-4-6', url, overrides, { apiKey: 'sk-ant-test-0000' }),
  },
  {
    name: 'vertex',
    api: 'anthropic',
    model: 'claude-sonnet-4-6',
    makeRuntime: (url, overrides) =>
      apiRuntime(
        'vertex',
        'claude-sonnet-4-6',
        url,
        overrides,
        { vertex: { project: 'ktx-test', location: 'us-east5' }, baseUrl: `${url}/vertex` },
        { fetch: vertexToMessagesFetch(url), vertexAccessToken: async () => 'ya29.test-token' },
      ),
  },
  {
    name: 'openai',
    api: 'responses',
    model: 'gpt-5-mini',
    makeRuntime: (url, overrides) =>
      apiRuntime('openai', 'gpt-5-mini', url, overrides, { apiKey: 'sk-test-0000' }),
  },
  {
    name: 'openai-compatible',
    api: 'chat',
    model: 'llama3.1:8b',
    makeRuntime: (url, overrides) => apiRuntime('openai-compatible', 'llama3.1:8b', url, overrides),
  },
  {
    // The real @ai-sdk/gateway provider on the AI Gateway's own protocol (`POST …/language-model`).
    name: 'gateway',
    api: 'gateway',
    model: 'anthropic/claude-sonnet-4-6',
    makeRuntime: (url, overrides) =>
      apiRuntime('gateway', 'anthropic/claude-sonnet-4-6', url, overrides, { apiKey: 'vck-test-0000' }),
  },
  {
    // The real Codex CLI through @openai/codex-sdk, the scripted server as its gateway provider.
    name: 'codex',
    api: 'responses',
    model: SCRIPTED_CODEX_MODEL,
    // Codex publishes the loopback MCP server's tools in the namespace mcp__ktx.
    scriptedToolName: (tool) => `mcp__ktx__${tool}`,
    skip: {
      rate_limit:
        'the Codex CLI does not pass Retry-After on; ktx falls back to opaque backoff (test/llm/codex R26 test)',
      malformed_tool_json:
        'the Codex CLI parses tool arguments itself and tells the model, with no repair hook (test/llm/codex covers it)',
    },
    makeRuntime: (url, overrides = {}) =>
      createLlmRuntime(scriptedCodexConfig(url, overrides.config), {
        governor: fastGovernor(),
        ...overrides.deps,
      }),
  },
  {
    // The real Claude Code binary through @anthropic-ai/claude-agent-sdk, routed to the scripted server
    // by llm.provider.claude-code.base_url (test/llm/claude-code/claude-code-harness.ts).
    name: 'claude-code',
    api: 'anthropic',
    model: CLAUDE_TEST_MODEL,
    scriptedToolName: (tool) => `mcp__ktx__${tool}`,
    skip: {
      malformed_tool_json:
        'the Claude Code CLI parses tool-call JSON itself and returns the error to the model before any hook or tool runs; the model corrects it next turn (test/llm/claude-code covers it)',
    },
    makeRuntime: (url, overrides = {}) =>
      createLlmRuntime(claudeContractConfig(url, overrides.config), {
        governor: fastGovernor(),
        ...overrides.deps,
      }),
  },
];
