import type { DatabaseInput, EmbeddingBackend, SetupInput, WarehouseDriver } from '../../app/index.js';
import { didYouMean, KtxError } from '../../core/index.js';
import { llmInputFromFlags } from './setup-llm-input.js';
import type { SetupOptions } from './setup-options.js';

interface Catalogues {
  drivers: readonly string[];
  llmBackends: readonly string[];
  embeddingBackends: readonly string[];
  inferDriver(url: string): WarehouseDriver | undefined;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly string[]): T {
  if (allowed.includes(value)) return value as T;
  throw new KtxError(
    'invalid_argument',
    `${flag} \`${value}\` is not supported${didYouMean(value, allowed)}.`,
    {
      fix: `Use one of: ${allowed.join(', ')}.`,
    },
  );
}

/**
 * Turns flags into a SetupInput, or throws `missing_input` naming the flag that is missing. Used
 * as-is with --no-input; the wizard fills the gaps first on a TTY.
 */
export function setupInputFromFlags(
  options: SetupOptions,
  base: { projectDir: string; cwd: string },
  catalogues: Catalogues,
): SetupInput {
  const input: SetupInput = { ...base, skipTest: options.skipTest };
  if (!options.skipDatabases && (options.database || options.databaseUrl || options.databaseConnectionId)) {
    if (!options.databaseUrl) {
      throw new KtxError('missing_input', 'Missing --database-url.', {
        fix: 'Pass --database-url <url|path|env:NAME|file:PATH>.',
      });
    }
    const driver = options.database
      ? oneOf<WarehouseDriver>('--database', options.database, catalogues.drivers)
      : catalogues.inferDriver(options.databaseUrl);
    if (!driver) {
      throw new KtxError(
        'missing_input',
        'Missing --database (the driver cannot be inferred from the URL).',
        {
          fix: `Pass --database <${catalogues.drivers.join('|')}>.`,
        },
      );
    }
    const database: DatabaseInput = {
      driver,
      id: options.databaseConnectionId ?? driver,
      url: options.databaseUrl,
      schemas: options.databaseSchema,
    };
    input.database = database;
  }
  const llm = llmInputFromFlags(options, catalogues.llmBackends);
  if (llm) input.llm = llm;
  if (!options.skipEmbeddings && options.embeddingBackend) {
    const backend = oneOf<EmbeddingBackend>(
      '--embedding-backend',
      options.embeddingBackend,
      catalogues.embeddingBackends,
    );
    input.embeddings = { backend, model: options.embeddingModel };
  }
  return input;
}
