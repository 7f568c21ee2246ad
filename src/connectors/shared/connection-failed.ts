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

/** How a server refused a connection, as each engine's error codes classify it. */
export type ServerRefusal = 'login-refused' | 'missing-database' | 'no-free-slots' | 'no-answer' | 'other';

export interface ServerRefusalContext extends Omit<ConnectionFailure, 'problem' | 'fix'> {
  /** The driver's own message, kept where it says more than our phrase. */
  message: string;
  /** Where an engine looks for who may log in (pg_hba.conf, MySQL grants), named in the login fix. */
  accessControl: string;
  /** The URL parts worth checking for this engine, named in the generic fix. */
  urlParts: string;
}

/**
 * `connection_failed` for a server engine, worded once for every engine: the engine only says which
 * kind of refusal its error code means (and socket errors are handled by `networkProblem` first).
 */
export function serverRefused(kind: ServerRefusal, context: ServerRefusalContext): KtxError {
  const { message, accessControl, urlParts, ...base } = context;
  switch (kind) {
    case 'login-refused':
      return connectionFailed({
        ...base,
        problem: `the server refused the login (${message}).`,
        fix: `Check the user name and password in the connection URL (or the env:/file: reference that supplies them) and ${accessControl}.`,
      });
    case 'missing-database':
      return connectionFailed({
        ...base,
        problem: `${message}.`,
        fix: 'Create the database, or correct its name in the connection URL (the path after host:port).',
      });
    case 'no-free-slots':
      return connectionFailed({
        ...base,
        problem: 'the server has no free connection slots.',
        fix: 'Lower maxConnections for this connection in ktx.yaml, or raise max_connections on the server.',
      });
    case 'no-answer':
      return connectionFailed({
        ...base,
        problem: 'the server did not answer within 10 s.',
        fix: 'Check the host and port, firewalls and VPN, and that the server accepts remote connections.',
      });
    case 'other':
      return connectionFailed({
        ...base,
        problem: `${message}.`,
        fix: `Check the connection URL (${urlParts}) and that the server is reachable.`,
      });
  }
}

/** `connection_failed` for a session that dropped while a statement ran (terminated, failover, restart). */
export function connectionLost(base: Omit<ConnectionFailure, 'problem' | 'fix'>, message: string): KtxError {
  return connectionFailed({
    ...base,
    problem: `the connection was lost while the statement ran (${message}).`,
    fix: 'Retry the query; if it keeps failing, check the server log (the session may have been terminated or the server restarted).',
  });
}
