import type { CliIo } from '../../src/cli/io.js';

/** An in-memory CliIo: run `main()` in-process and read what it printed. */
export function captureIo(overrides: Partial<CliIo> = {}): {
  io: CliIo;
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    isTty: false,
    env: { PATH: process.env.PATH },
    cwd: process.cwd(),
    exitCode: 0,
    ...overrides,
  };
  return { io, out: () => out, err: () => err };
}
