import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CodexSdk from '@openai/codex-sdk';
import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../../src/core/index.js';
import {
  CODEX_EXEC_ISOLATION_FLAGS,
  CODEX_WINDOWS_ISOLATION_NOTE,
  codexIsolationNotes,
  createCodexCliLauncher,
  resolveSdkCodexBinary,
} from '../../../src/llm/backends/codex/codex-cli-launcher.js';
import { tempDir } from '../../support/temp-dir.js';

/** A stand-in for the Codex binary that prints its arguments and PATH, one per line. */
function echoBinary(dir: string): string {
  const path = join(dir, "co'dex bin");
  writeFileSync(path, '#!/bin/sh\nfor arg in "$@"; do echo "arg:$arg"; done\necho "PATH:$PATH"\n');
  chmodSync(path, 0o755);
  return path;
}

describe('codex CLI launcher', () => {
  it('the CLI 0.163 the SDK resolves has every isolation flag the wrapper passes', () => {
    const binary = resolveSdkCodexBinary(CodexSdk);
    expect(existsSync(binary.executablePath)).toBe(true);
    const help = execFileSync(binary.executablePath, ['exec', '--help'], { encoding: 'utf8' });
    for (const flag of CODEX_EXEC_ISOLATION_FLAGS) expect(help).toContain(flag);
  });

  it('inserts the flags right after `exec`, passes other commands through and puts the SDK PATH dirs first', async () => {
    const root = tempDir('ktx-codex-launcher-');
    const bin = echoBinary(root);
    const extra = join(root, 'codex path');
    mkdirSync(extra);
    const launcher = await createCodexCliLauncher(
      { executablePath: bin, pathDirs: [extra] },
      { platform: 'linux', tempDir: root },
    );
    expect(launcher.isolated).toBe(true);
    const wrapper = launcher.codexPathOverride as string;
    const run = (args: string[]) =>
      execFileSync(wrapper, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })
        .trim()
        .split('\n');
    expect(run(['exec', '--experimental-json', '--model', "gpt-'quoted' x"])).toEqual([
      'arg:exec',
      ...CODEX_EXEC_ISOLATION_FLAGS.map((flag) => `arg:${flag}`),
      'arg:--experimental-json',
      'arg:--model',
      "arg:gpt-'quoted' x",
      `PATH:${extra}:/usr/bin:/bin`,
    ]);
    expect(run(['--version'])).toEqual(['arg:--version', `PATH:${extra}:/usr/bin:/bin`]);
    await launcher.dispose();
    expect(existsSync(wrapper)).toBe(false);
    await launcher.dispose();
  });

  it('never adds an empty PATH entry (the current directory) when the child PATH is empty', async () => {
    const root = tempDir('ktx-codex-launcher-');
    const launcher = await createCodexCliLauncher(
      { executablePath: echoBinary(root), pathDirs: ['/opt/codex-path'] },
      { tempDir: root },
    );
    const output = execFileSync(launcher.codexPathOverride as string, ['exec'], {
      encoding: 'utf8',
      env: { PATH: '' },
    });
    expect(output).toContain('PATH:/opt/codex-path\n');
    await launcher.dispose();
  });

  it('on Windows writes no wrapper and says what stays unisolated', async () => {
    const root = tempDir('ktx-codex-launcher-');
    const launcher = await createCodexCliLauncher(
      { executablePath: 'C:\\codex.exe', pathDirs: [] },
      { platform: 'win32', tempDir: root },
    );
    expect(launcher).toMatchObject({ isolated: false });
    expect(launcher.codexPathOverride).toBeUndefined();
    expect(readdirSync(root)).toEqual([]);
    expect(codexIsolationNotes('win32')).toEqual([CODEX_WINDOWS_ISOLATION_NOTE]);
    expect(CODEX_WINDOWS_ISOLATION_NOTE).toMatch(/config\.toml.*sessions/);
    expect(codexIsolationNotes('linux')).toEqual([]);
    expect(codexIsolationNotes('darwin')).toEqual([]);
  });

  it('maps an SDK that cannot find its CLI binary to llm_not_installed', () => {
    // A stand-in constructor with the SDK's own message; the real SDK needs files removed to fail.
    const missing = {
      Codex: class {
        constructor() {
          throw new Error('Unable to locate Codex CLI binaries. Ensure @openai/codex is installed.');
        }
      },
    } as unknown as typeof CodexSdk;
    let error: unknown;
    try {
      resolveSdkCodexBinary(missing);
    } catch (thrown) {
      error = thrown;
    }
    expect(isKtxError(error, 'llm_not_installed')).toBe(true);
  });
});
