import { isKtxError, type KtxError } from '../../core/index.js';
import {
  codeOf,
  connectionFailed,
  connectionLost,
  messageOf,
  networkProblem,
  type ServerRefusal,
  serverRefused,
} from '../shared/connection-failed.js';
import { queryFailed, queryTimedOut } from '../shared/query-errors.js';
import type { PostgresTarget } from './postgres-pool-config.js';

// SQLSTATE codes ktx tells apart. @see https://www.postgresql.org/docs/current/errcodes-appendix.html
const LOGIN_REFUSED = new Set(['28P01', '28000', '42501']);

/** A failure while opening a pooled connection: always `connection_failed`, never with the password. */
export function postgresConnectFailed(error: unknown, target: PostgresTarget): KtxError {
  const code = codeOf(error);
  const base = { target: target.display, cause: error, secrets: target.secrets, data: { sqlstate: code } };
  const network = networkProblem(code);
  if (network) return connectionFailed({ ...base, ...network });
  const message = messageOf(error);
  const kind: ServerRefusal =
    code && LOGIN_REFUSED.has(code)
      ? 'login-refused'
      : code === '3D000'
        ? 'missing-database'
        : code === '53300'
          ? 'no-free-slots'
          : /timeout|timed out/i.test(message)
            ? 'no-answer'
            : 'other';
  return serverRefused(kind, {
    ...base,
    message,
    accessControl: "the server's pg_hba.conf",
    urlParts: 'host, port, database, user, sslmode',
  });
}

/** A failure while a statement ran. Server-side statement timeouts become `query_timeout`. */
export function postgresQueryFailed(
  error: unknown,
  sql: string,
  timeoutMs: number,
  target: PostgresTarget,
): KtxError {
  if (isKtxError(error)) return error;
  const code = codeOf(error);
  const message = messageOf(error);
  if (code === '57014' && /statement timeout/i.test(message)) return queryTimedOut(sql, timeoutMs);
  // 08xxx: connection exceptions; 57P01-57P03: the server ended the session (terminate, shutdown).
  if (
    code?.startsWith('08') ||
    code?.startsWith('57P') ||
    networkProblem(code) ||
    /Connection terminated/i.test(message)
  ) {
    const data = { sqlstate: code };
    return connectionLost({ target: target.display, cause: error, secrets: target.secrets, data }, message);
  }
  const details = error as { detail?: unknown; hint?: unknown; position?: unknown };
  return queryFailed(message, sql, error, {
    sqlstate: code,
    ...(details.detail ? { detail: details.detail } : {}),
    ...(details.hint ? { hint: details.hint } : {}),
    ...(details.position ? { position: Number(details.position) } : {}),
  });
}
