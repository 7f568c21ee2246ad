import { CommanderError } from 'commander';
import { KtxError } from '../core/index.js';
import { type CliIo, processIo } from './io.js';
import { type OutputMode, resolveOutputMode } from './output-mode.js';
import { printError } from './print-error.js';
import { buildProgram } from './program.js';

/** Best-effort output mode for errors raised before or during parsing. */
function errorMode(argv: readonly string[], io: CliIo): OutputMode {
  const index = argv.indexOf('--output');
  const inline = argv.find((arg) => arg.startsWith('--output='));
  try {
    return resolveOutputMode(
      {
        json: argv.includes('--json'),
        output: inline?.slice('--output='.length) ?? (index >= 0 ? argv[index + 1] : undefined),
      },
      io.env,
      io.isTty,
    );
  } catch {
    return 'plain';
  }
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure or blocked, 2 usage error. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  const args = argv.slice(2);
  const debug = args.includes('--debug');
  try {
    await program.parseAsync(args, { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      const message = error.message.replace(/^error:\s*/i, '').replace(/\.?$/, '.');
      return printError(
        new KtxError('usage', message, { fix: 'see `ktx <command> --help`.' }),
        io,
        errorMode(args, io),
        debug,
      );
    }
    return printError(error, io, errorMode(args, io), debug);
  }
}
