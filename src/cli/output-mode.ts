import { KtxError } from '../core/index.js';

export type OutputMode = 'pretty' | 'plain' | 'json';
const MODES: readonly OutputMode[] = ['pretty', 'plain', 'json'];

export interface OutputFlags {
  json?: boolean;
  output?: string;
}

/** `--json`, else `--output`, else `KTX_OUTPUT`, else pretty on a TTY and plain when piped. */
export function resolveOutputMode(
  flags: OutputFlags,
  env: NodeJS.ProcessEnv = process.env,
  isTty = Boolean(process.stdout.isTTY),
): OutputMode {
  if (flags.json) return 'json';
  const requested = flags.output ?? env.KTX_OUTPUT;
  if (requested) {
    if ((MODES as readonly string[]).includes(requested)) return requested as OutputMode;
    throw new KtxError('invalid_argument', `Unknown output mode \`${requested}\`.`, {
      fix: `Use one of: ${MODES.join(', ')}.`,
    });
  }
  return isTty ? 'pretty' : 'plain';
}
