import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as CodexSdk from '@openai/codex-sdk';
import { KtxError } from '../../../core/index.js';
import { codexNotInstalledError } from './codex-sdk-loader.js';

/**
 * Flags every `codex exec` gets from ktx's wrapper. The SDK has no option for them, and `--config`
 * cannot express them: `--ignore-user-config` skips `$CODEX_HOME/config.toml` (the sign-in in
 * CODEX_HOME still works), `--ephemeral` writes no session rollout under `$CODEX_HOME/sessions`,
 * `--ignore-rules` skips the user's and the project's execpolicy `.rules` files.
 */
export const CODEX_EXEC_ISOLATION_FLAGS = ['--ignore-user-config', '--ephemeral', '--ignore-rules'] as const;

/** What `status` and setup say on a platform where the wrapper cannot run (Windows). */
export const CODEX_WINDOWS_ISOLATION_NOTE =
  'codex on Windows still reads $CODEX_HOME/config.toml and writes session files under $CODEX_HOME/sessions: ktx cannot pass --ignore-user-config / --ephemeral to the Codex CLI there.';

/** The Codex CLI the SDK would start: its native binary and the directories it puts first on PATH. */
export interface CodexCliBinary {
  executablePath: string;
  pathDirs: string[];
}

export interface CodexCliLauncher {
  /** The SDK's `codexPathOverride`; absent where no wrapper runs (Windows). */
  readonly codexPathOverride?: string;
  /** True when every `codex exec` gets `CODEX_EXEC_ISOLATION_FLAGS`. */
  readonly isolated: boolean;
  /** Removes the wrapper's private directory. Idempotent; never throws. */
  dispose(): Promise<void>;
}

/**
 * The binary the SDK resolves for itself (its platform package under @openai/codex). The SDK keeps
 * it on a private field of its exec helper; reading it there keeps ktx on exactly the binary and PATH
 * additions the SDK would use rather than a second copy of its lookup. If a future SDK moves the
 * field, ktx refuses to run rather than start the CLI without the isolation flags.
 */
export function resolveSdkCodexBinary(sdk: Pick<typeof CodexSdk, 'Codex'>): CodexCliBinary {
  let codex: unknown;
  try {
    codex = new sdk.Codex({});
  } catch (error) {
    // The constructor looks for the platform binary; a missing optional package is an install problem.
    throw codexNotInstalledError(error);
  }
  const exec = (codex as { exec?: { executablePath?: unknown; pathDirs?: unknown } }).exec;
  const executablePath = exec?.executablePath;
  const pathDirs = exec?.pathDirs;
  if (
    typeof executablePath !== 'string' ||
    !Array.isArray(pathDirs) ||
    !pathDirs.every((dir) => typeof dir === 'string')
  ) {
    throw new KtxError(
      'llm_isolation',
      'ktx cannot find which Codex CLI binary this @openai/codex-sdk starts, so it cannot run it without your Codex config.',
      {
        fix: 'Install the SDK version ktx is tested with: `npm install @openai/codex-sdk@^0.163.0`.',
        data: { backend: 'codex' },
      },
    );
  }
  return { executablePath, pathDirs: pathDirs as string[] };
}

/** A single-quoted `sh` word: `'` becomes `'\''`. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The POSIX `sh` wrapper: the SDK always starts `<path> exec --experimental-json …`, so the flags go
 * right after `exec`; anything else passes through unchanged. `exec` replaces the shell, so the SDK's
 * abort signal kills the Codex process itself, not a shell in front of it.
 */
export function codexWrapperScript(binary: CodexCliBinary): string {
  const lines = ['#!/bin/sh', '# Written by ktx for one LLM runtime; removed when the runtime closes.'];
  if (binary.pathDirs.length > 0) {
    // What the SDK does to PATH when it starts the binary itself (it puts its bundled `rg` first).
    lines.push(`PATH=${shellQuote(binary.pathDirs.join(':'))}"\${PATH:+:$PATH}"`, 'export PATH');
  }
  const bin = shellQuote(binary.executablePath);
  lines.push(
    'if [ "$1" = exec ]; then',
    '  shift',
    `  exec ${bin} exec ${CODEX_EXEC_ISOLATION_FLAGS.join(' ')} "$@"`,
    'fi',
    `exec ${bin} "$@"`,
    '',
  );
  return lines.join('\n');
}

/** Wrapper directories not yet disposed; removed at process exit if their runtime was never closed. */
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function removeAtExit(dir: string): void {
  liveDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; one small directory per open runtime.
  process.once('exit', () => {
    for (const live of liveDirs) rmSync(live, { recursive: true, force: true });
  });
}

export interface CreateCodexCliLauncherOptions {
  platform?: NodeJS.Platform;
  /** Parent of the private directory; the OS temp dir by default. */
  tempDir?: string;
}

/**
 * Writes the wrapper once, into a fresh 0700 directory only this user can read, and hands its path to
 * the SDK as `codexPathOverride`. `dispose()` removes it; a runtime never closed loses it at process
 * exit. On Windows the SDK could start only an `.exe` without a shell (Node
 * refuses `.cmd` files), so no wrapper is written and the CLI runs as the SDK starts it.
 */
export async function createCodexCliLauncher(
  binary: CodexCliBinary,
  options: CreateCodexCliLauncherOptions = {},
): Promise<CodexCliLauncher> {
  if ((options.platform ?? process.platform) === 'win32') {
    return { isolated: false, dispose: async () => {} };
  }
  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'ktx-codex-cli-'));
  removeAtExit(dir);
  let disposed = false;
  const dispose = async (): Promise<void> => {
    if (disposed) return;
    disposed = true;
    liveDirs.delete(dir);
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    await chmod(dir, 0o700);
    const path = join(dir, 'codex');
    await writeFile(path, codexWrapperScript(binary), { mode: 0o700, flag: 'wx' });
    return { codexPathOverride: path, isolated: true, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Isolation the Codex backend cannot give on `platform`, one line each (for `ktx status` and setup). */
export function codexIsolationNotes(platform: NodeJS.Platform = process.platform): string[] {
  return platform === 'win32' ? [CODEX_WINDOWS_ISOLATION_NOTE] : [];
}
