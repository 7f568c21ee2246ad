import type { FieldPacket, PoolConnection, QueryValues } from 'mysql2';
import type { CellValue, ResultColumn } from '../port.js';
import { type MysqlRaw, mysqlCell, mysqlResultColumn } from './mysql-types.js';

/** A pooled connection on loan to one statement; `destroyed` once it must not go back to the pool. */
export interface MysqlLease {
  connection: PoolConnection;
  destroyed: boolean;
  /** Called when a stream stops at its row limit, to end the statement on the server. */
  onEarlyStop?: () => void;
}

export interface MysqlRows {
  columns: ResultColumn[];
  rows: MysqlRaw[][];
  /** The statement answered with an OK packet instead of a result set. */
  notQuery: boolean;
}

/**
 * Streams a statement's rows and stops after `limit`. mysql2 has no cursor over the text protocol, so
 * stopping early destroys the connection; the server would only notice at a later write (a join can
 * run on for a long time first), so `onEarlyStop` also ends the statement with KILL QUERY.
 * @see https://sidorares.github.io/node-mysql2/docs#using-streams
 */
export function streamRows(
  lease: MysqlLease,
  sql: string,
  limit: number,
  values?: QueryValues,
): Promise<MysqlRows> {
  const { connection } = lease;
  return new Promise((resolve, reject) => {
    let fields: FieldPacket[] = [];
    const rows: MysqlRaw[][] = [];
    let notQuery = false;
    let settled = false;
    // A connection lost mid-statement (KILL <thread>, server restart) is reported only on the
    // connection, never on the query, so the statement would otherwise wait forever.
    const lost = (error?: Error) => {
      if (settled) return;
      markLost(lease);
      fail(
        error ??
          Object.assign(new Error('The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' }),
      );
    };
    const onEnd = () => lost();
    connection.on('error', lost);
    connection.on('end', onEnd);
    const settle = () => {
      settled = true;
      connection.removeListener('error', lost);
      connection.removeListener('end', onEnd);
    };
    const fail = (error: Error) => {
      if (settled) return;
      settle();
      reject(error);
    };
    const finish = () => {
      if (settled) return;
      settle();
      resolve({ columns: fields.map(mysqlResultColumn), rows, notQuery });
    };
    connection
      .query({ sql, values })
      .on('fields', (received: FieldPacket[] | undefined) => {
        fields = received ?? []; // undefined for statements that answer with an OK packet
      })
      .on('result', (row: unknown) => {
        if (settled) return; // rows already buffered after the stop
        if (!Array.isArray(row)) {
          notQuery = true;
          return;
        }
        rows.push(row as MysqlRaw[]);
        if (rows.length >= limit) {
          lease.onEarlyStop?.();
          finish();
          markLost(lease);
        }
      })
      .on('error', fail)
      .on('end', finish);
  });
}

/**
 * Takes a connection out of service: it is destroyed, never released, and keeps an error listener so
 * a late socket error cannot crash the process (the pool's own listener runs only once).
 */
export function markLost(lease: MysqlLease): void {
  if (lease.destroyed) return;
  lease.destroyed = true;
  lease.connection.on('error', () => {});
  lease.connection.destroy();
}

/** Runs a statement of ktx's own and returns every row converted. */
export async function allRows(lease: MysqlLease, sql: string, values?: QueryValues): Promise<CellValue[][]> {
  const { columns, rows } = await streamRows(lease, sql, Number.POSITIVE_INFINITY, values);
  return rows.map((row) => row.map((raw, index) => mysqlCell(raw, columns[index]?.type ?? 'unknown')));
}
