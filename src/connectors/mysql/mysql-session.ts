import type { PoolConnection } from 'mysql2';
import { allRows, type MysqlLease } from './mysql-query.js';

export type MysqlFlavor = 'mysql' | 'mariadb';

/**
 * Per-connection session state. Each pooled connection is made UTC once and read-only by default at
 * every checkout,
 * and gets the statement timeout of the query it serves (re-set only when it changes). The timeout
 * variable differs: MySQL `max_execution_time` (ms, SELECT only), MariaDB `max_statement_time` (s).
 * @see https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html#sysvar_max_execution_time
 * @see https://mariadb.com/kb/en/server-system-variables/#max_statement_time
 */
export class MysqlSessions {
  readonly #flavors = new WeakMap<PoolConnection, { flavor: MysqlFlavor; version: string }>();
  readonly #timeouts = new WeakMap<PoolConnection, number>();

  async prepare(lease: MysqlLease, timeoutMs: number): Promise<{ flavor: MysqlFlavor; version: string }> {
    const { connection } = lease;
    let server = this.#flavors.get(connection);
    if (!server) {
      const version = String((await allRows(lease, 'SELECT VERSION()'))[0]?.[0] ?? '');
      server = { flavor: /mariadb/i.test(version) ? 'mariadb' : 'mysql', version };
      await allRows(lease, "SET SESSION time_zone = '+00:00'");
      this.#flavors.set(connection, server);
    }
    // Re-asserted at every checkout, not once: a statement that slipped past the gate (a procedure,
    // say) must not leave the session writable for the next caller.
    await allRows(lease, 'SET SESSION TRANSACTION READ ONLY');
    if (this.#timeouts.get(connection) !== timeoutMs) {
      await allRows(
        lease,
        server.flavor === 'mariadb'
          ? `SET SESSION max_statement_time = ${timeoutMs / 1000}`
          : `SET SESSION max_execution_time = ${Math.ceil(timeoutMs)}`,
      );
      this.#timeouts.set(connection, timeoutMs);
    }
    return server;
  }
}
