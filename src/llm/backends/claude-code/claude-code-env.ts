import { KtxError } from '../../../core/index.js';
import type { ResolvedLlmConfig } from '../../port.js';

/**
 * Variables that would move the Claude Code child off the user's own sign-in: API keys and tokens,
 * endpoint overrides, cloud-provider routing and the cloud credentials those routes pick up. A
 * leftover `ANTHROPIC_API_KEY` in a shell silently bills an API account instead of the subscription;
 * `CLAUDE_CODE_USE_BEDROCK` sends every call to AWS.
 */
const REMOVED_NAMES = new Set([
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_CLOUD_PROJECT',
  'GCLOUD_PROJECT',
  'CLOUD_ML_REGION',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'AI_GATEWAY_API_KEY',
]);

// Whole families: every ANTHROPIC_* (keys, tokens, base URLs, model overrides, custom headers,
// Bedrock/Vertex/Foundry endpoints), the CLAUDE_CODE_USE_* provider switches and the
// CLAUDE_CODE_SKIP_*_AUTH shortcuts, all AWS_* (keys, session token, profile, region), and Vertex
// per-model regions.
const REMOVED_PREFIXES = ['ANTHROPIC_', 'AWS_', 'VERTEX_REGION_', 'CLAUDE_CODE_USE_'] as const;
const REMOVED_PATTERN = /^CLAUDE_CODE_SKIP_[A-Z_]*AUTH$/;

/** True when `name` is a provider key or routing variable the child must not inherit. */
export function isScrubbedEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return (
    REMOVED_NAMES.has(upper) ||
    REMOVED_PREFIXES.some((prefix) => upper.startsWith(prefix)) ||
    REMOVED_PATTERN.test(upper)
  );
}

export interface ClaudeCodeEnvInput {
  env: ResolvedLlmConfig['env'];
  /**
   * `llm.provider.claude-code.base_url`: the one deliberate way to route the child to an
   * Anthropic-compatible endpoint (a corporate LLM gateway, or ktx's scripted test server). It needs
   * `apiKey`, so the user's sign-in token is never sent to a foreign host.
   */
  baseUrl?: string;
  apiKey?: string;
  promptCaching?: ResolvedLlmConfig['promptCaching'];
}

/**
 * The environment of one Claude Code child: `config.env` minus provider keys and routing variables,
 * plus ktx's fixed settings. Returns a fresh object; neither `config.env` nor `process.env` is touched.
 */
export function createClaudeCodeEnv(input: ClaudeCodeEnvInput): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.env)) {
    if (value === undefined || isScrubbedEnvName(name)) continue;
    child[name] = value;
  }
  // A ktx run is a batch job: no self-update of the user's Claude Code mid-run, no telemetry or
  // error-report traffic from a process the user did not start by hand.
  child.DISABLE_AUTOUPDATER = '1';
  child.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1';
  child.CLAUDE_AGENT_SDK_CLIENT_APP = 'ktx';

  const caching = input.promptCaching;
  if (caching && !caching.enabled) child.DISABLE_PROMPT_CACHING = '1';
  // Claude Code has one TTL for the main conversation (system, tools and history together); ktx's
  // system TTL is the one that decides it (claudeCodeIgnoredSettings reports the others).
  if (caching?.enabled) child.CLAUDE_CODE_PROMPT_CACHE_TTL = caching.systemTtl;

  if (input.baseUrl !== undefined && input.baseUrl.trim().length > 0) {
    if (input.apiKey === undefined || input.apiKey.length === 0) {
      throw new KtxError('llm_config', 'llm.provider.claude-code.base_url is set without an api_key.', {
        fix: 'Add llm.provider.claude-code.api_key (env:NAME or file:PATH), or remove base_url to use your Claude Code sign-in.',
        data: { backend: 'claude-code' },
      });
    }
    child.ANTHROPIC_BASE_URL = input.baseUrl.trim();
    child.ANTHROPIC_API_KEY = input.apiKey;
  }
  return child;
}
