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
import type { MysqlTarget } from './mysql-options.js';

// mysql2 reports server errors by name. @see https://dev.mysql.com/doc/mysql-errors/8.4/en/server-error-reference.html
const LOGIN_REFUSED = new Set([
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_HOST_NOT_PRIVILEGED',
]);
// MySQL max_execution_time (3024) and MariaDB max_statement_time (1969).
const TIMED_OUT = new Set(['ER_QUERY_TIMEOUT', 'ER_STATEMENT_TIMEOUT', '3024', '1969']);
const CONNECTION_LOST = new Set(['PROTOCOL_CONNECTION_LOST', 'ER_SERVER_SHUTDOWN', 'EPIPE']);

/** A failure while opening a pooled connection: always `connection_failed`, never with the password. */
export function mysqlConnectFailed(error: unknown, target: MysqlTarget): KtxError {
  const code = codeOf(error);
  const base = { target: target.display, cause: error, secrets: target.secrets, data: { engineCode: code } };
  const network = networkProblem(code);
  if (network) return connectionFailed({ ...base, ...network });
  const kind: ServerRefusal =
    code && LOGIN_REFUSED.has(code)
      ? 'login-refused'
      : code === 'ER_BAD_DB_ERROR'
        ? 'missing-database'
        : code === 'ER_CON_COUNT_ERROR'
          ? 'no-free-slots'
          : 'other';
  return serverRefused(kind, {
    ...base,
    message: messageOf(error),
    accessControl: 'the grants for this host',
    urlParts: 'host, port, database, user, ssl',
  });
}

export function mysqlQueryFailed(
  error: unknown,
  sql: string,
  timeoutMs: number,
  target: MysqlTarget,
): KtxError {
  if (isKtxError(error)) return error;
  const code = codeOf(error);
  const errno = (error as { errno?: unknown }).errno;
  if ((code && TIMED_OUT.has(code)) || TIMED_OUT.has(String(errno))) return queryTimedOut(sql, timeoutMs);
  if ((code && CONNECTION_LOST.has(code)) || networkProblem(code)) {
    const base = {
      target: target.display,
      cause: error,
      secrets: target.secrets,
      data: { engineCode: code },
    };
    return connectionLost(base, messageOf(error));
  }
  const sqlState = (error as { sqlState?: unknown }).sqlState;
  return queryFailed(messageOf(error), sql, error, { engineCode: code, sqlState });
}
