import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

// Contradictory or incomplete LLM flags fail before anything is created or written.
async function setup(args: string[], env: NodeJS.ProcessEnv = {}) {
  const work = tempDir();
  const result = await runCli(['--project-dir', work, 'setup', '--no-input', ...args], { env });
  return { ...result, work };
}

describe('ktx setup LLM flags', () => {
  const cases: Array<{ name: string; args: string[]; pattern: RegExp; code: number }> = [
    {
      name: 'unknown backend',
      args: ['--llm-backend', 'claude'],
      pattern: /not supported \(did you mean `claude-code`\?\)/,
      code: 2,
    },
    {
      name: 'model missing',
      args: ['--llm-backend', 'codex'],
      pattern: /Missing --llm-model for --llm-backend codex.*gpt-5\.5/,
      code: 2,
    },
    {
      name: 'model without backend',
      args: ['--llm-model', 'sonnet'],
      pattern: /Missing --llm-backend/,
      code: 2,
    },
    {
      name: 'anthropic key flags on codex',
      args: ['--llm-backend', 'codex', '--llm-model', 'gpt-5.5', '--anthropic-api-key-env', 'X'],
      pattern: /--anthropic-api-key-\* only apply to --llm-backend anthropic/,
      code: 2,
    },
    {
      name: 'two key sources',
      args: [
        '--llm-backend',
        'anthropic',
        '--llm-model',
        'claude-sonnet-4-6',
        '--llm-api-key-env',
        'A',
        '--llm-api-key-file',
        'k',
      ],
      pattern: /Choose one key source/,
      code: 2,
    },
    {
      name: 'openai-compatible without base url',
      args: ['--llm-backend', 'openai-compatible', '--llm-model', 'llama3.1:8b'],
      pattern: /Missing --llm-base-url.*Ollama/,
      code: 2,
    },
    {
      name: 'bad env var name',
      args: ['--llm-backend', 'openai', '--llm-model', 'gpt-5.5', '--llm-api-key-env', 'not a name'],
      pattern: /is not an environment variable name/,
      code: 2,
    },
    {
      name: 'claude-code model id not accepted',
      args: ['--llm-backend', 'claude-code', '--llm-model', 'gpt-5.5'],
      pattern: /sonnet.*opus.*haiku|claude-\*/,
      code: 1,
    },
    {
      name: 'codex model id not accepted',
      args: ['--llm-backend', 'codex', '--llm-model', 'sonnet'],
      pattern: /gpt-\*|codex-\*/,
      code: 1,
    },
    {
      name: 'key env var not set',
      args: [
        '--llm-backend',
        'anthropic',
        '--llm-model',
        'claude-sonnet-4-6',
        '--llm-api-key-env',
        'KTX_TEST_UNSET_KEY',
      ],
      pattern: /KTX_TEST_UNSET_KEY/,
      code: 1,
    },
    {
      name: 'default key env var not set',
      args: ['--llm-backend', 'openai', '--llm-model', 'gpt-5.5'],
      pattern: /OPENAI_API_KEY is not set/,
      code: 1,
    },
  ];
  for (const testCase of cases) {
    it(`rejects ${testCase.name} with one line and writes nothing`, async () => {
      const result = await setup(testCase.args);
      expect(result.code, result.stdout + result.stderr).toBe(testCase.code);
      expect(result.stderr).toMatch(testCase.pattern);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      const file = join(result.work, 'ktx.yaml');
      const written = existsSync(file) ? readFileSync(file, 'utf8') : '';
      expect(written).not.toMatch(/backend: (anthropic|openai|codex|claude-code)/);
    });
  }

  it('writes the backend without probing under --skip-test, with the key as a reference', async () => {
    const result = await setup(
      [
        '--json',
        '--llm-backend',
        'anthropic',
        '--llm-model',
        'claude-sonnet-4-6',
        '--anthropic-api-key-env',
        'MY_ANTHROPIC_KEY',
        '--skip-test',
      ],
      { MY_ANTHROPIC_KEY: 'sk-test-not-real' },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ llm: { backend: 'anthropic', model: 'claude-sonnet-4-6' } });
    const config = readFileSync(join(result.work, 'ktx.yaml'), 'utf8');
    expect(config).toContain('backend: anthropic');
    expect(config).toContain('api_key: env:MY_ANTHROPIC_KEY');
    expect(config).not.toContain('sk-test-not-real');
  });
});
