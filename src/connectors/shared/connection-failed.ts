import { KtxError } from '../../core/index.js';
import { scrubSecrets } from './redact-url.js';

export interface ConnectionFailure {
  /** What was being opened, already free of credentials, e.g. `postgres://app@db:5432/sales`. */
  target: string;
  /** What went wrong, in a few words; driver text is scrubbed of `secrets` before it is kept. */
  problem: string;
  fix: string;
  cause: unknown;
  /** Values that must never appear in the message (passwords). */
  secrets?: readonly string[];
  data?: Record<string, unknown>;
}

/** `connection_failed` that says what failed and how to fix it, and never echoes a secret. */
export function connectionFailed(failure: ConnectionFailure): KtxError {
  const secrets = failure.secrets ?? [];
  const message = scrubSecrets(`Could not connect to ${failure.target}: ${failure.problem}`, secrets);
  return new KtxError('connection_failed', message, {
    fix: scrubSecrets(failure.fix, secrets),
    data: { target: failure.target, ...failure.data },
    cause: failure.cause,
  });
}

/** The error message of any thrown value, for use inside another message. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The Node.js system error code (`ECONNREFUSED`, …) or driver code of a thrown value, if any. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : typeof code === 'number' ? String(code) : undefined;
}

/** Socket-level failures shared by the server engines, phrased for people. */
export function networkProblem(code: string | undefined): { problem: string; fix: string } | undefined {
  switch (code) {
    case 'ECONNREFUSED':
      return {
        problem: 'the connection was refused.',
        fix: 'Check that the server is running and that the host and port in the connection URL are right.',
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        problem: 'the host name could not be resolved.',
        fix: 'Check the host name in the connection URL and your network or VPN.',
      };
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        problem: 'the server did not answer in time.',
        fix: 'Check the host and port, firewalls and VPN, and that the server accepts remote connections.',
      };
    case 'ECONNRESET':
      return {
        problem: 'the server closed the connection.',
        fix: 'Check the server log; the server may require TLS or may be restarting.',
      };
    default:
      return undefined;
  }
}
