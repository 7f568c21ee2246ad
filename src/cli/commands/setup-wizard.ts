import { KtxError } from '../../core/index.js';
import { EXAMPLE_MODEL } from './setup-llm-input.js';
import type { SetupOptions } from './setup-options.js';

const OTHER = '__other__';

const BACKEND_LABELS: Record<string, string> = {
  none: 'None (deterministic features only)',
  'claude-code': 'Claude subscription, through the local Claude Code sign-in',
  codex: 'ChatGPT / Codex subscription, through the local Codex sign-in',
  anthropic: 'Anthropic API key',
  vertex: 'Claude on Google Vertex AI',
  gateway: 'Vercel AI Gateway',
  openai: 'OpenAI API key',
  'openai-compatible': 'Local or self-hosted OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp)',
};

const MODEL_PRESETS: Record<string, string[]> = {
  'claude-code': ['sonnet', 'opus', 'haiku'],
  codex: ['gpt-5.5', 'gpt-5.4', 'gpt-5.4-mini'],
  anthropic: ['claude-sonnet-4-6', 'claude-opus-4-7', 'claude-haiku-4-5'],
  vertex: ['claude-sonnet-4-6', 'claude-opus-4-7', 'claude-haiku-4-5'],
  gateway: ['anthropic/claude-sonnet-4.6', 'openai/gpt-5.5'],
  openai: ['gpt-5.5', 'gpt-5.4-mini'],
};

const KEY_ENV: Record<string, string> = {
  anthropic: 'ANTHROPIC_API_KEY',
  gateway: 'AI_GATEWAY_API_KEY',
  openai: 'OPENAI_API_KEY',
};

const DRIVER_HINTS: Record<string, string> = {
  sqlite: 'path to a .db/.sqlite file',
  duckdb: 'path to a .duckdb file',
  postgres: 'postgres://user:password@host:5432/database (or env:NAME / file:PATH)',
  mysql: 'mysql://user:password@host:3306/database (or env:NAME / file:PATH)',
};

/**
 * Asks, on a TTY, for whatever the flags left out. Returns the completed options; the caller then
 * runs exactly the same non-interactive path, so prompts and flags can never disagree.
 */
export async function completeOptionsInteractively(
  options: SetupOptions,
  drivers: readonly string[],
  llmBackends: readonly string[],
): Promise<SetupOptions> {
  const prompts = await import('@clack/prompts');
  const cancelled = (value: unknown): boolean => prompts.isCancel(value);
  const stop = (): never => {
    prompts.cancel('Setup cancelled; nothing was changed.');
    throw new KtxError('usage', 'Setup cancelled.', {
      fix: 'Run `ktx setup` again, or pass flags with --no-input.',
    });
  };
  prompts.intro('ktx setup');
  const completed = { ...options };

  if (!completed.skipDatabases && !completed.databaseUrl) {
    const add = await prompts.confirm({ message: 'Add a warehouse connection?', initialValue: true });
    if (cancelled(add)) stop();
    if (add === true) {
      const driver = await prompts.select({
        message: 'Which database?',
        options: drivers.map((value) => ({ value, label: value, hint: DRIVER_HINTS[value] })),
      });
      if (cancelled(driver)) stop();
      completed.database = String(driver);
      const url = await prompts.text({
        message: `Connection (${DRIVER_HINTS[String(driver)]})`,
        validate: (value) => (value?.trim() ? undefined : 'required'),
      });
      if (cancelled(url)) stop();
      completed.databaseUrl = String(url).trim();
      const id = await prompts.text({
        message: 'Connection id',
        initialValue: completed.databaseConnectionId ?? String(driver),
      });
      if (cancelled(id)) stop();
      completed.databaseConnectionId = String(id).trim();
    }
  }
  if (!completed.skipLlm && !completed.llmBackend) {
    const backend = await prompts.select({
      message: 'LLM for enrichment (optional: the core works without one)',
      options: llmBackends.map((value) => ({ value, label: BACKEND_LABELS[value] ?? value, hint: value })),
      initialValue: 'none',
    });
    if (cancelled(backend)) stop();
    completed.llmBackend = String(backend);
    if (backend !== 'none') {
      const presets = MODEL_PRESETS[String(backend)] ?? [];
      let model: unknown = OTHER;
      if (presets.length > 0) {
        model = await prompts.select({
          message: 'Default model',
          options: [...presets.map((value) => ({ value, label: value })), { value: OTHER, label: 'Other…' }],
        });
        if (cancelled(model)) stop();
      }
      if (model === OTHER) {
        model = await prompts.text({
          message: 'Default model id',
          placeholder: EXAMPLE_MODEL[backend as keyof typeof EXAMPLE_MODEL],
          validate: (value) => (value?.trim() ? undefined : 'required'),
        });
        if (cancelled(model)) stop();
      }
      completed.llmModel = String(model).trim();
      if (backend === 'openai-compatible' && !completed.llmBaseUrl && !completed.openaiBaseUrl) {
        const url = await prompts.text({
          message: 'OpenAI-compatible endpoint',
          initialValue: 'http://127.0.0.1:11434/v1',
          validate: (value) => (value?.trim() ? undefined : 'required'),
        });
        if (cancelled(url)) stop();
        completed.llmBaseUrl = String(url).trim();
      }
      const keyEnv = KEY_ENV[String(backend)];
      if (keyEnv && !completed.llmApiKeyEnv && !completed.llmApiKeyFile) {
        const name = await prompts.text({
          message: 'Environment variable holding the API key',
          initialValue: keyEnv,
        });
        if (cancelled(name)) stop();
        completed.llmApiKeyEnv = String(name).trim();
      }
      if (backend === 'vertex' && !completed.vertexLocation) {
        const location = await prompts.text({ message: 'Vertex AI region', initialValue: 'us-east5' });
        if (cancelled(location)) stop();
        completed.vertexLocation = String(location).trim();
      }
    }
  }
  return completed;
}
