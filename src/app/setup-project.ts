import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { KtxError } from '../core/index.js';
import {
  acquireProjectLock,
  CONNECTION_ID_PATTERN,
  type ConfigEdit,
  type EmbeddingBackend,
  type InitProjectResult,
  initProject,
  ktxConfigSchema,
  loadConfig,
  parseSecretRef,
  projectLayout,
  storeSecret,
  updateConfigFile,
  type WarehouseDriver,
} from '../project/index.js';
import { type LlmSetupInput, type LlmSetupResult, planLlmSetup } from './llm/setup-llm.js';
import { openProject } from './open-project.js';
import { type ConnectionTestResult, testConnection } from './test-connections.js';

export interface DatabaseInput {
  driver: WarehouseDriver;
  id: string;
  /** URL, file path (sqlite/duckdb), `env:NAME` or `file:PATH`. */
  url: string;
  schemas?: string[];
}

export interface SetupInput {
  projectDir: string;
  /** The directory the user typed relative paths from. */
  cwd: string;
  database?: DatabaseInput;
  llm?: LlmSetupInput;
  embeddings?: { backend: EmbeddingBackend; model?: string };
  env?: NodeJS.ProcessEnv;
  /** Write the connection and LLM settings without their live tests (never the default). */
  skipTest?: boolean;
}

export interface SetupResult {
  projectDir: string;
  project: InitProjectResult;
  connection?: {
    id: string;
    driver: WarehouseDriver;
    action: 'added' | 'updated';
    secretStored: boolean;
    test?: ConnectionTestResult;
  };
  llm?: LlmSetupResult;
  embeddings?: { backend: EmbeddingBackend; model?: string };
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return false;
  }
}

/** A file database is stored relative to the project when it lives inside it, absolute otherwise. */
function fileReference(input: DatabaseInput, cwd: string, projectDir: string): string {
  const raw = input.url.replace(/^(sqlite|duckdb):(\/\/)?/i, '');
  const absolute = isAbsolute(raw) ? raw : resolve(cwd, raw);
  if (!existsSync(absolute)) {
    throw new KtxError('connection_failed', `The ${input.driver} file ${absolute} does not exist.`, {
      fix: 'Pass the path of an existing database file to --database-url.',
    });
  }
  const inside = relative(projectDir, absolute);
  return inside.startsWith('..') || isAbsolute(inside) ? absolute : inside;
}

function checkConnectionId(id: string): void {
  if (!CONNECTION_ID_PATTERN.test(id)) {
    throw new KtxError('invalid_argument', `Connection id \`${id}\` is not allowed.`, {
      fix: 'Use letters, digits, `_` and `-`, starting with a letter or digit.',
    });
  }
}

/** The entry as tested: secrets still literal, nothing written yet. */
function connectionEntry(input: DatabaseInput, cwd: string, projectDir: string): Record<string, unknown> {
  const schemas = input.schemas && input.schemas.length > 0 ? { schemas: input.schemas } : {};
  if (
    (input.driver === 'sqlite' || input.driver === 'duckdb') &&
    parseSecretRef(input.url).kind === 'literal'
  ) {
    return { driver: input.driver, path: fileReference(input, cwd, projectDir), ...schemas };
  }
  const key = input.driver === 'sqlite' || input.driver === 'duckdb' ? 'path' : 'url';
  return { driver: input.driver, [key]: input.url, ...schemas };
}

/** The entry as persisted: a literal URL carrying a password moves to `.ktx/secrets/` (0600). */
function persistableEntry(
  entry: Record<string, unknown>,
  id: string,
  projectDir: string,
): { entry: Record<string, unknown>; secretStored: boolean } {
  const url = entry.url;
  if (typeof url !== 'string' || parseSecretRef(url).kind !== 'literal' || !hasPassword(url))
    return { entry, secretStored: false };
  return { entry: { ...entry, url: storeSecret(projectDir, `${id}-url`, url) }, secretStored: true };
}

/**
 * `ktx setup` without prompts: creates or resumes the project, then adds/updates a connection (tested
 * for real before anything is written), and the LLM/embedding backends. Holds the project lock.
 */
export async function setupProject(input: SetupInput): Promise<SetupResult> {
  const layout = projectLayout(input.projectDir);
  const lock = acquireProjectLock(layout.lock, 'setup');
  try {
    const project = initProject(input.projectDir);
    const result: SetupResult = { projectDir: input.projectDir, project };
    const edits: ConfigEdit[] = [];

    if (input.database) {
      checkConnectionId(input.database.id);
      const entry = connectionEntry(input.database, input.cwd, input.projectDir);
      const before = loadConfig(input.projectDir).config;
      const action = before?.connections[input.database.id] ? 'updated' : 'added';
      result.connection = {
        id: input.database.id,
        driver: input.database.driver,
        action,
        secretStored: false,
      };
      if (!input.skipTest) {
        // Test against a project view that already holds the new entry, without touching ktx.yaml yet.
        const current = openProject({ projectDir: input.projectDir });
        const candidate = {
          ...current,
          config: {
            ...current.config,
            connections: { ...current.config.connections, [input.database.id]: entry as never },
          },
        };
        const test = await testConnection(candidate, input.database.id);
        result.connection.test = test;
        if (!test.ok) {
          throw new KtxError(
            (test.error?.code as 'connection_failed') ?? 'connection_failed',
            `Connection \`${input.database.id}\` failed its test, so ktx.yaml was not changed: ${test.error?.message}`,
            { fix: test.error?.fix ?? 'Check the URL, then re-run the same command.' },
          );
        }
      }
      // Only now, with the test passed, may a secret file be (over)written.
      const persisted = persistableEntry(entry, input.database.id, input.projectDir);
      result.connection.secretStored = persisted.secretStored;
      edits.push({ path: ['connections', input.database.id], value: persisted.entry });
    }
    if (input.llm) {
      const current = loadConfig(input.projectDir).config ?? ktxConfigSchema.parse({});
      const planned = await planLlmSetup(input.llm, {
        projectDir: input.projectDir,
        cwd: input.cwd,
        env: input.env ?? process.env,
        current,
        skipTest: Boolean(input.skipTest),
      });
      edits.push(...planned.edits);
      result.llm = planned.result;
    }
    if (input.embeddings) {
      edits.push({ path: ['embeddings', 'backend'], value: input.embeddings.backend });
      if (input.embeddings.model)
        edits.push({ path: ['embeddings', 'model'], value: input.embeddings.model });
      result.embeddings = input.embeddings;
    }
    if (edits.length > 0) updateConfigFile(layout.config, edits);
    return result;
  } finally {
    lock.release();
  }
}
