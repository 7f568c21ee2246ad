import { main } from '../../src/cli/main.js';
import { captureIo } from './capture-io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs `ktx <args>` in-process with captured output (no TTY, no ambient KTX_* variables). */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const { io, out, err } = captureIo({
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
  });
  const code = await main(['node', 'ktx', ...args], io);
  return { code, stdout: out(), stderr: err(), json: <T>() => JSON.parse(out()) as T };
}
