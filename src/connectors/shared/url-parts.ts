import { KtxError } from '../../core/index.js';

/**
 * Decodes one percent-encoded part of a connection URL (user, password, database). A literal `%` that
 * is not followed by two hex digits is a configuration mistake, not an internal error.
 */
export function decodeUrlPart(value: string, part: string, engine: string): string {
  try {
    return decodeURIComponent(value);
  } catch (cause) {
    throw new KtxError('connection_config', `The ${engine} connection URL has a malformed ${part}.`, {
      fix: `Percent-encode special characters in the ${part}: write % as %25 (and @ as %40, / as %2F, : as %3A).`,
      cause,
    });
  }
}
