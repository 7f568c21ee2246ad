import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as CodexSdk from '@openai/codex-sdk';
import { KtxError } from '../../../core/index.js';

const SDK_PACKAGE = '@openai/codex-sdk';
/** The exact command a user runs; the SDK pulls the Codex CLI (@openai/codex + its platform binary). */
export const CODEX_INSTALL_COMMAND = `npm install ${SDK_PACKAGE}`;

export interface CodexSdkDetection {
  installed: boolean;
  version?: string;
  /** Directory of the SDK package. */
  path?: string;
}

/**
 * Whether the Codex SDK can be loaded from where ktx runs, without loading it (for `ktx status`).
 * The SDK is a ~400 MB optional install (its CLI binary), so it is never a production dependency.
 */
export function detectCodexSdk(): CodexSdkDetection {
  // The package exports only an `import` entry, so require.resolve cannot find it; look where Node's
  // resolver would, in each node_modules directory from here upwards.
  const candidates = createRequire(import.meta.url).resolve.paths(SDK_PACKAGE) ?? [];
  for (const directory of candidates) {
    const path = join(directory, SDK_PACKAGE);
    try {
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version?: string };
      return { installed: true, path, ...(manifest.version ? { version: manifest.version } : {}) };
    } catch {
      // not installed at this level; keep looking upwards
    }
  }
  return { installed: false };
}

export function codexNotInstalledError(cause?: unknown): KtxError {
  const detail = cause instanceof Error ? ` (${cause.message.split('\n')[0]})` : '';
  return new KtxError(
    'llm_not_installed',
    `The Codex backend needs ${SDK_PACKAGE}, which is not installed${detail}.`,
    {
      fix: `Run \`${CODEX_INSTALL_COMMAND}\` where ktx is installed (it brings the Codex CLI, about 400 MB), then sign in with \`npx codex login\` or set OPENAI_API_KEY.`,
      data: { backend: 'codex', package: SDK_PACKAGE },
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

const loaded = new Map<string, Promise<typeof CodexSdk>>();

/**
 * Imports the SDK on first use only, so no other backend (and no `ktx --help`) pays for it. A module
 * that cannot be found is `llm_not_installed`; any other import failure is rethrown as it is.
 * `specifier` exists for the not-installed test (a name that does not resolve); production always
 * passes the real package name.
 */
export function loadCodexSdk(specifier: string = SDK_PACKAGE): Promise<typeof CodexSdk> {
  let pending = loaded.get(specifier);
  if (!pending) {
    pending = (import(specifier) as Promise<typeof CodexSdk>).catch((error: unknown) => {
      loaded.delete(specifier);
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw codexNotInstalledError(error);
      throw error;
    });
    loaded.set(specifier, pending);
  }
  return pending;
}
