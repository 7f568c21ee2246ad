import { KtxError } from '../../core/index.js';
import type { SetupOptions } from './setup-options.js';

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
      message: 'LLM backend for enrichment (optional: the core works without one)',
      options: llmBackends.map((value) => ({ value, label: value })),
      initialValue: 'none',
    });
    if (cancelled(backend)) stop();
    completed.llmBackend = String(backend);
    if (backend !== 'none') {
      const model = await prompts.text({
        message: 'Default model',
        validate: (value) => (value?.trim() ? undefined : 'required'),
      });
      if (cancelled(model)) stop();
      completed.llmModel = String(model).trim();
    }
  }
  return completed;
}
