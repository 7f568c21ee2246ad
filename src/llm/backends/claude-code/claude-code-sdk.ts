import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isKtxError, KtxError } from '../../../core/index.js';

/** The Claude Agent SDK's module type; a type-only import, so nothing loads until `loadClaudeCodeSdk`. */
export type ClaudeAgentSdk = typeof import('@anthropic-ai/claude-agent-sdk');

export const CLAUDE_AGENT_SDK_PACKAGE = '@anthropic-ai/claude-agent-sdk';
/** The range ktx is tested with; kept equal to package.json devDependencies (a test checks it). */
export const CLAUDE_AGENT_SDK_RANGE = '^0.3.330';

/**
 * How to get the SDK. It is a dev dependency of ktx (about 400 MB with its bundled `claude` binary),
 * so a default install lacks it; Node finds it when it sits beside ktx in the same node_modules tree.
 */
export const CLAUDE_AGENT_SDK_INSTALL_FIX = `Install the Claude Agent SDK next to ktx: \`npm install -g ${CLAUDE_AGENT_SDK_PACKAGE}@${CLAUDE_AGENT_SDK_RANGE}\` for a global ktx, or \`npm install ${CLAUDE_AGENT_SDK_PACKAGE}@${CLAUDE_AGENT_SDK_RANGE}\` in the project that installed ktx; then rerun \`ktx status\`.`;

export interface ClaudeCodeSdkDetection {
  installed: boolean;
  version?: string;
  /** The SDK's package directory. */
  path?: string;
  /** The platform package's `claude` binary the SDK starts, when present. */
  binaryPath?: string;
}

const require = createRequire(import.meta.url);

/**
 * Whether the SDK can be loaded from here, without loading it (cheap enough for `ktx status`). The
 * SDK ships its `claude` binary as an optional per-platform package; a missing one is reported too.
 */
export function detectClaudeCodeSdk(): ClaudeCodeSdkDetection {
  let entry: string;
  try {
    // The package exports no `./package.json`; resolve its entry point and walk up to the manifest.
    entry = require.resolve(CLAUDE_AGENT_SDK_PACKAGE);
  } catch {
    return { installed: false };
  }
  const manifest = findManifest(dirname(entry));
  if (!manifest) return { installed: true, path: dirname(entry) };
  const detection: ClaudeCodeSdkDetection = { installed: true, path: manifest.dir };
  if (manifest.version) detection.version = manifest.version;
  const binaryPath = findBundledBinary(manifest.dir);
  if (binaryPath) detection.binaryPath = binaryPath;
  return detection;
}

function findManifest(start: string): { dir: string; version?: string } | undefined {
  for (let dir = start, depth = 0; depth < 4; dir = dirname(dir), depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === CLAUDE_AGENT_SDK_PACKAGE)
        return typeof manifest.version === 'string' ? { dir, version: manifest.version } : { dir };
    } catch {
      // No manifest at this level.
    }
  }
  return undefined;
}

function findBundledBinary(sdkPath: string): string | undefined {
  const suffixes =
    process.platform === 'linux' ? [`${process.arch}`, `${process.arch}-musl`] : [process.arch];
  for (const suffix of suffixes) {
    const name = `${CLAUDE_AGENT_SDK_PACKAGE}-${process.platform}-${suffix}`;
    try {
      const dir = dirname(createRequire(join(sdkPath, 'package.json')).resolve(`${name}/package.json`));
      const binary = join(dir, process.platform === 'win32' ? 'claude.exe' : 'claude');
      if (existsSync(binary)) return binary;
    } catch {
      // Not this platform variant.
    }
  }
  return undefined;
}

/** The not-installed error every entry point throws, with the exact install command. */
export function claudeCodeNotInstalledError(cause?: unknown): KtxError {
  return new KtxError(
    'llm_not_installed',
    `The claude-code backend needs ${CLAUDE_AGENT_SDK_PACKAGE}, which is not installed.`,
    {
      fix: CLAUDE_AGENT_SDK_INSTALL_FIX,
      data: { backend: 'claude-code', package: CLAUDE_AGENT_SDK_PACKAGE },
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

/**
 * Loads the SDK on first use. `specifier` exists for the not-installed test (a name that does not
 * resolve); production always passes the real package name.
 */
export async function loadClaudeCodeSdk(
  specifier: string = CLAUDE_AGENT_SDK_PACKAGE,
): Promise<ClaudeAgentSdk> {
  try {
    return (await import(specifier)) as ClaudeAgentSdk;
  } catch (error) {
    if (isKtxError(error)) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw claudeCodeNotInstalledError(error);
    throw error;
  }
}
