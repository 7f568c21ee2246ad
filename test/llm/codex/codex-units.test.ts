import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKtxError } from '../../../src/core/index.js';
import {
  buildCodexCallOptions,
  CODEX_GATEWAY_KEY_ENV_VAR,
} from '../../../src/llm/backends/codex/codex-call-options.js';
import { buildCodexChildEnv } from '../../../src/llm/backends/codex/codex-env.js';
import { unwrapApiEnvelope } from '../../../src/llm/backends/codex/codex-event-tracker.js';
import { DEFAULT_CODEX_MODEL, resolveCodexModel } from '../../../src/llm/backends/codex/codex-models.js';
import { detectCodexSdk } from '../../../src/llm/backends/codex/codex-runtime.js';
import {
  CODEX_INSTALL_COMMAND,
  codexNotInstalledError,
} from '../../../src/llm/backends/codex/codex-sdk-loader.js';
import { parseStructuredOutput } from '../../../src/llm/backends/codex/codex-structured-output.js';
import { scriptedCodexConfig } from './codex-harness.js';

describe('resolveCodexModel', () => {
  it('maps codex and default to gpt-5.5 and accepts gpt-* / codex-* ids', () => {
    expect(resolveCodexModel('codex')).toBe(DEFAULT_CODEX_MODEL);
    expect(resolveCodexModel(' Default ')).toBe('gpt-5.5');
    expect(resolveCodexModel('gpt-5.4-mini')).toBe('gpt-5.4-mini');
    expect(resolveCodexModel('codex-mini-latest')).toBe('codex-mini-latest');
    expect(resolveCodexModel('gpt-5.3-codex')).toBe('gpt-5.3-codex');
  });

  it.each(['sonnet', 'claude-sonnet-4-6', 'gpt-', 'gpt 5', '', 'o3'])(
    'rejects %j naming the accepted forms',
    (id) => {
      let error: unknown;
      try {
        resolveCodexModel(id);
      } catch (thrown) {
        error = thrown;
      }
      expect(isKtxError(error, 'llm_config')).toBe(true);
      expect((error as { fix?: string }).fix).toContain('gpt-* / codex-*');
    },
  );
});

describe('codex child env', () => {
  it('keeps only allow-listed variables and adds the call secrets, without touching process.env', () => {
    const before = { ...process.env };
    const env = buildCodexChildEnv(
      {
        PATH: '/bin',
        HOME: '/home/u',
        CODEX_HOME: '/home/u/.codex',
        HTTPS_PROXY: 'http://proxy:3128',
        SSL_CERT_FILE: '/etc/ca.pem',
        LANG: 'C.UTF-8',
        ANTHROPIC_API_KEY: 'sk-ant-secret',
        AWS_SECRET_ACCESS_KEY: 'aws',
        KTX_DATABASE_URL: 'postgres://u:p@h/db',
        NODE_OPTIONS: '--require evil.js',
        EMPTY: '',
      },
      { KTX_CODEX_MCP_TOKEN: 't0k3n' },
    );
    expect(env).toEqual({
      PATH: '/bin',
      HOME: '/home/u',
      CODEX_HOME: '/home/u/.codex',
      HTTPS_PROXY: 'http://proxy:3128',
      SSL_CERT_FILE: '/etc/ca.pem',
      LANG: 'C.UTF-8',
      KTX_CODEX_MCP_TOKEN: 't0k3n',
    });
    expect(process.env).toEqual(before);
  });
});

describe('codex call options', () => {
  it('R18: isolation goes through thread options; config carries history, features, analytics, docs, skills, provider', () => {
    const config = scriptedCodexConfig('http://127.0.0.1:9');
    const options = buildCodexCallOptions({ config, model: 'gpt-5.5', system: 'Be brief.' });
    expect(options.thread).toEqual({
      model: 'gpt-5.5',
      workingDirectory: config.projectDir,
      skipGitRepoCheck: true,
      sandboxMode: 'read-only',
      approvalPolicy: 'never',
      webSearchMode: 'disabled',
      networkAccessEnabled: false,
    });
    const overrides = options.codex.config as Record<string, unknown>;
    expect(overrides.history).toEqual({ persistence: 'none' });
    expect(overrides.analytics).toEqual({ enabled: false });
    // No project AGENTS.md and no skills catalogue in ktx's prompts (proved end to end in codex-isolation).
    expect(overrides.project_doc_max_bytes).toBe(0);
    expect(overrides.skills).toEqual({ include_instructions: false, bundled: { enabled: false } });
    expect(options.codex.codexPathOverride).toBeUndefined();
    expect(overrides.developer_instructions).toBe('Be brief.');
    expect((overrides.features as Record<string, boolean>).shell_tool).toBe(false);
    expect(overrides.model_provider).toBe('ktx_gateway');
    expect(overrides.model_providers).toEqual({
      ktx_gateway: expect.objectContaining({
        base_url: 'http://127.0.0.1:9/v1',
        wire_api: 'responses',
        env_key: CODEX_GATEWAY_KEY_ENV_VAR,
        request_max_retries: 0,
      }),
    });
    expect(options.codex.env?.[CODEX_GATEWAY_KEY_ENV_VAR]).toBe(config.apiKey);
    expect(options.codex.apiKey).toBeUndefined();
    expect(overrides.mcp_servers).toBeUndefined();
  });

  it('without a base URL uses the built-in provider and the signed-in account (or the given key)', () => {
    const config = { ...scriptedCodexConfig('http://127.0.0.1:9'), baseUrl: undefined, apiKey: undefined };
    const options = buildCodexCallOptions({ config, model: 'gpt-5.5' });
    const overrides = options.codex.config as Record<string, unknown>;
    expect(overrides.model_provider).toBeUndefined();
    expect(overrides.developer_instructions).toBeUndefined();
    expect(options.codex.apiKey).toBeUndefined();
    const keyed = buildCodexCallOptions({ config: { ...config, apiKey: 'sk-x' }, model: 'gpt-5.5' });
    expect(keyed.codex.apiKey).toBe('sk-x');
    const wrapped = buildCodexCallOptions({ config, model: 'gpt-5.5', codexPathOverride: '/tmp/w/codex' });
    expect(wrapped.codex.codexPathOverride).toBe('/tmp/w/codex');
  });
});

describe('structured output parsing', () => {
  const schema = z.object({ table: z.string(), rows: z.number() });
  it.each([
    ['{"table":"t","rows":1}'],
    ['```json\n{"table":"t","rows":1}\n```'],
    ['Sure! {"table":"t","rows":1} Hope that helps.'],
    ['{"table":"t","rows":1,}'],
  ])('repairs %j locally', (text) => {
    expect(parseStructuredOutput(text, schema)).toEqual({ ok: true, value: { table: 't', rows: 1 } });
  });

  it('reports what the schema rejected', () => {
    const parsed = parseStructuredOutput('{"table":"t","rows":"many"}', schema);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toContain('rows');
    expect(parseStructuredOutput('no json here', schema)).toEqual({
      ok: false,
      problem: 'the answer contains no JSON document',
    });
  });
});

describe('codex errors and SDK detection', () => {
  it('R24: unwraps the API error envelope Codex relays', () => {
    expect(
      unwrapApiEnvelope('{"error":{"message":"The model `gpt-x` does not exist","code":"model_not_found"}}'),
    ).toBe('The model `gpt-x` does not exist');
    expect(unwrapApiEnvelope('stream disconnected')).toBe('stream disconnected');
  });

  it('detects the installed SDK for ktx status', () => {
    const detected = detectCodexSdk();
    expect(detected.installed).toBe(true);
    expect(detected.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(detected.path).toContain('codex-sdk');
  });

  it('tells a user without the SDK exactly how to install it', () => {
    const error = codexNotInstalledError(new Error("Cannot find package '@openai/codex-sdk'"));
    expect(isKtxError(error, 'llm_not_installed')).toBe(true);
    expect(error.fix).toContain(CODEX_INSTALL_COMMAND);
    expect(CODEX_INSTALL_COMMAND).toBe('npm install @openai/codex-sdk');
  });
});
