import { isKtxError, type KtxError, toKtxError } from '../core/index.js';
import type { CliIo } from './io.js';
import type { OutputMode } from './output-mode.js';

const USAGE_CODES = new Set(['usage', 'missing_input', 'invalid_argument']);

/** Exit code per DESIGN.md: 2 for usage errors, 1 for everything else. */
export function exitCodeFor(error: KtxError): number {
  return USAGE_CODES.has(error.code) ? 2 : 1;
}

/**
 * One line on stderr (what went wrong, then the fix), or `{"error":{…}}` on stdout in JSON mode.
 * The stack is shown only with --debug, and for internal errors a hint says so.
 */
export function printError(thrown: unknown, io: CliIo, mode: OutputMode, debug: boolean): number {
  const error = isKtxError(thrown) ? thrown : toKtxError(thrown);
  if (mode === 'json') {
    const { code, message, fix } = error;
    io.stdout(`${JSON.stringify({ error: { code, message, ...(fix ? { fix } : {}) } })}\n`);
  } else {
    io.stderr(`error: ${error.message}${error.fix ? ` Fix: ${error.fix}` : ''}\n`);
  }
  if (debug) {
    const cause = error.code === 'internal' ? error.cause : error;
    io.stderr(`${(cause as Error)?.stack ?? String(cause)}\n`);
  }
  return exitCodeFor(error);
}
