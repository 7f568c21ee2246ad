/** Where the CLI writes. Injected so tests run commands in-process and read what they printed. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Set by a command that finished but must exit non-zero (a failed test, a blocked status). */
  exitCode: number;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    exitCode: 0,
  };
}
