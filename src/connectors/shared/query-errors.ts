import { KtxError } from '../../core/index.js';

/** The warehouse rejected the statement: keeps the engine's own message and puts the SQL in `data`. */
export function queryFailed(
  engineMessage: string,
  sql: string,
  cause: unknown,
  data: Record<string, unknown> = {},
) {
  return new KtxError('query_failed', engineMessage, {
    fix: 'Read the database message above, correct the SQL and run it again.',
    data: { ...data, sql },
    cause,
  });
}

export function queryTimedOut(sql: string, timeoutMs: number) {
  return new KtxError(
    'query_timeout',
    `The query ran longer than ${timeoutMs} ms and was stopped on the server.`,
    {
      fix: 'Narrow the query (filters, aggregates, LIMIT) or raise the timeout.',
      data: { sql, timeoutMs },
    },
  );
}

export function queryAborted(sql: string) {
  return new KtxError('query_aborted', 'The query was cancelled before it finished.', { data: { sql } });
}

export function connectorClosed(id: string) {
  return new KtxError('internal', `Connection "${id}" was used after close().`, {
    fix: 'Open the connection again; a closed connector cannot be reused.',
  });
}

/** The engine reported that the statement is not a query, although the read-only gate let it through. */
export function notAQuery(sql: string, detail: string) {
  return new KtxError('read_only_violation', `Refused: ${detail}.`, {
    fix: 'ktx runs only single read-only statements (SELECT, WITH … SELECT, VALUES, EXPLAIN, SHOW); rewrite the query as one.',
    data: { sql, reason: detail },
  });
}
