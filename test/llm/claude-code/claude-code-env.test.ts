import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../../src/core/index.js';
import {
  createClaudeCodeEnv,
  isScrubbedEnvName,
} from '../../../src/llm/backends/claude-code/claude-code-env.js';

const caching = {
  enabled: true,
  systemTtl: '1h',
  toolsTtl: '1h',
  historyTtl: '5m',
  vertexFallbackTo5m: false,
} as const;

describe('claude-code child env (R11)', () => {
  const dirty = {
    PATH: '/usr/bin',
    HOME: '/home/ana',
    CLAUDE_CODE_OAUTH_TOKEN: 'sign-in-token',
    ANTHROPIC_API_KEY: 'sk-ant-1',
    ANTHROPIC_AUTH_TOKEN: 'tok',
    ANTHROPIC_BASE_URL: 'https://proxy.example',
    ANTHROPIC_MODEL: 'claude-opus-4-1',
    ANTHROPIC_VERTEX_PROJECT_ID: 'p',
    ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock.example',
    ANTHROPIC_CUSTOM_HEADERS: 'x: y',
    CLAUDE_CODE_USE_BEDROCK: '1',
    CLAUDE_CODE_USE_VERTEX: '1',
    CLAUDE_CODE_USE_FOUNDRY: '1',
    CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1',
    AWS_ACCESS_KEY_ID: 'AKIA',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'session',
    AWS_PROFILE: 'prod',
    AWS_REGION: 'us-east-1',
    CLOUD_ML_REGION: 'us-east5',
    GOOGLE_APPLICATION_CREDENTIALS: '/creds.json',
    GOOGLE_CLOUD_PROJECT: 'p',
    VERTEX_REGION_CLAUDE_3_5_SONNET: 'us-east5',
    OPENAI_API_KEY: 'sk-openai',
    HTTPS_PROXY: 'http://corp-proxy:3128',
    UNSET: undefined,
  };

  it('removes provider keys and routing variables and keeps the rest, the sign-in token included', () => {
    const env = createClaudeCodeEnv({ env: dirty });
    for (const name of Object.keys(dirty)) {
      if (['PATH', 'HOME', 'CLAUDE_CODE_OAUTH_TOKEN', 'HTTPS_PROXY'].includes(name)) continue;
      expect(env[name], name).toBeUndefined();
    }
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/home/ana',
      CLAUDE_CODE_OAUTH_TOKEN: 'sign-in-token',
      HTTPS_PROXY: 'http://corp-proxy:3128',
      DISABLE_AUTOUPDATER: '1',
    });
    expect('UNSET' in env).toBe(false);
    expect(isScrubbedEnvName('anthropic_api_key')).toBe(true);
    expect(isScrubbedEnvName('KTX_PROJECT_DIR')).toBe(false);
  });

  it('never mutates process.env or the config env', () => {
    const before = { ...process.env };
    process.env.KTX_TEST_CANARY = 'kept';
    const source = { ...dirty, KTX_TEST_CANARY: 'kept' };
    const frozen = JSON.stringify(source);
    try {
      createClaudeCodeEnv({ env: process.env, baseUrl: 'http://127.0.0.1:9', apiKey: 'k' });
      createClaudeCodeEnv({ env: source, promptCaching: caching });
      expect(process.env.KTX_TEST_CANARY).toBe('kept');
      expect(process.env.ANTHROPIC_BASE_URL).toBe(before.ANTHROPIC_BASE_URL);
      expect(process.env.DISABLE_AUTOUPDATER).toBe(before.DISABLE_AUTOUPDATER);
      expect(JSON.stringify(source)).toBe(frozen);
    } finally {
      delete process.env.KTX_TEST_CANARY;
    }
  });

  it('routes to base_url only with its own key, after scrubbing', () => {
    const env = createClaudeCodeEnv({ env: dirty, baseUrl: ' http://127.0.0.1:4000 ', apiKey: 'gw-key' });
    expect(env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:4000');
    expect(env.ANTHROPIC_API_KEY).toBe('gw-key');
    expect(env.ANTHROPIC_AUTH_TOKEN).toBeUndefined();
    let caught: unknown;
    try {
      createClaudeCodeEnv({ env: dirty, baseUrl: 'http://127.0.0.1:4000' });
    } catch (error) {
      caught = error;
    }
    expect(isKtxError(caught, 'llm_config')).toBe(true);
  });

  it('maps llm.promptCaching onto the CLI switches', () => {
    expect(createClaudeCodeEnv({ env: {}, promptCaching: caching }).CLAUDE_CODE_PROMPT_CACHE_TTL).toBe('1h');
    const off = createClaudeCodeEnv({ env: {}, promptCaching: { ...caching, enabled: false } });
    expect(off.DISABLE_PROMPT_CACHING).toBe('1');
    expect(off.CLAUDE_CODE_PROMPT_CACHE_TTL).toBeUndefined();
  });
});
