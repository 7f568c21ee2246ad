import { KtxError } from '../../core/index.js';
import { parseSecretRef, resolveSecret } from '../../project/index.js';

export interface McpToken {
  token?: string;
  /** Where it came from, safe to show and store: `none`, `env:NAME`, `file:PATH`. */
  auth: string;
}

/**
 * The bearer token of the HTTP server: `--token env:NAME|file:PATH`, else `KTX_MCP_TOKEN`. A literal
 * on the command line is refused, since every user of the machine can read a process's arguments.
 */
export function resolveMcpToken(
  ref: string | undefined,
  projectDir: string,
  env: NodeJS.ProcessEnv,
): McpToken {
  if (ref === undefined) {
    const fromEnv = env.KTX_MCP_TOKEN?.trim();
    return fromEnv ? { token: fromEnv, auth: 'env:KTX_MCP_TOKEN' } : { auth: 'none' };
  }
  if (parseSecretRef(ref).kind === 'literal') {
    throw new KtxError('invalid_argument', '--token takes a reference, not the token itself.', {
      fix: 'Put the token in an env var or a 0600 file and pass --token env:NAME or --token file:PATH.',
    });
  }
  const token = resolveSecret(ref, { projectDir, where: '--token', env });
  if (token.length < 16) {
    throw new KtxError('invalid_argument', `The token from ${ref} is shorter than 16 characters.`, {
      fix: 'Use a long random token, e.g. `openssl rand -hex 32`.',
    });
  }
  return { token, auth: ref };
}
