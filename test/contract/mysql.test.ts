import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { openMysqlConnector } from '../../src/connectors/mysql/mysql-connector.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { describeConnectorContract } from './connector-contract.js';
import { type FixtureDialect, fixtureStatements } from './connector-fixture.js';
import { expectCode } from './contract-support.js';

const MYSQL: FixtureDialect = {
  types: {
    id: 'INT',
    varchar: 'VARCHAR(200)',
    money: 'DECIMAL(12,2)',
    int_col: 'INT',
    big_col: 'BIGINT',
    small_big_col: 'BIGINT',
    dec_col: 'DECIMAL(38,10)',
    float_col: 'DOUBLE',
    bool_col: 'BOOLEAN',
    text_col: 'TEXT',
    date_col: 'DATE',
    ts_col: 'DATETIME(6)',
    // TIMESTAMP is an instant stored in UTC: the connector reports it as timestamptz.
    tstz_col: 'TIMESTAMP(6) NULL',
    json_col: 'JSON',
    bin_col: 'VARBINARY(16)',
  },
  // MariaDB takes no offset in a datetime literal; the writer's session is UTC instead.
  literals: { tstz_col: "'2024-02-29 13:45:30.123456'" },
  comments: 'inline',
  tableOptions: 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
};

const SECRET = 'ktx-wrong-secret-pw';

/** `base` with some parts replaced (URL setters percent-encode them). */
function withUrl(
  base: string,
  parts: Partial<Pick<URL, 'port' | 'username' | 'password' | 'pathname'>>,
): string {
  return Object.assign(new URL(base), parts).toString();
}

describe.skipIf(skipWithout('mysql'))('mysql', () => {
  const base = serverUrl('mysql') as string;
  const suffix = randomBytes(4).toString('hex');
  const main = `ktx_test_${suffix}`;
  const other = `ktx_test_${suffix}_other`;
  const user = `ktx_test_${suffix}_user`;
  const mainUrl = withUrl(base, { pathname: `/${main}` });
  let admin: mysql.Connection;

  describeConnectorContract({
    engine: 'mysql',
    async setup() {
      admin = await mysql.createConnection({ uri: base, charset: 'utf8mb4' });
      await admin.query(`CREATE DATABASE ${main} CHARACTER SET utf8mb4`);
      await admin.query(`CREATE DATABASE ${other} CHARACTER SET utf8mb4`);
      await admin.query(`USE ${main}`);
      await admin.query("SET time_zone = '+00:00'");
      for (const statement of fixtureStatements(MYSQL, other)) await admin.query(statement);
      await admin.query(
        'CREATE FUNCTION ktx_write() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO numbers VALUES (0); RETURN 1; END',
      );
      await admin.query('ANALYZE TABLE numbers, customers, orders');
      // A user with a real password: root has none here, so a wrong password needs a login of its own.
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'right-password'`);
      const config = { driver: 'mysql', id: 'fixture', url: mainUrl } as const;
      return {
        config: { ...config, schemas: [main, other] },
        unscopedConfig: config,
        openWithoutGate: () => openMysqlConnector({ ...config, schemas: [main, other] }, { gate: () => {} }),
        mainSchema: main,
        otherSchema: other,
        failures: {
          'wrong port': {
            config: {
              ...config,
              url: withUrl(mainUrl, { port: '1', password: SECRET }),
            },
            secret: SECRET,
          },
          'wrong password': {
            config: {
              ...config,
              url: withUrl(mainUrl, { username: user, password: SECRET }),
            },
            secret: SECRET,
          },
          'missing database': {
            config: {
              ...config,
              url: withUrl(base, { pathname: `/ktx_missing_${suffix}` }),
            },
          },
        },
        async runningStatements(marker) {
          const [rows] = await admin.query<mysql.RowDataPacket[]>(
            'SELECT count(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()',
            [`%${marker}%`],
          );
          return Number(rows[0]?.n);
        },
      };
    },
    async teardown() {
      await admin?.query(`DROP DATABASE IF EXISTS ${main}`);
      await admin?.query(`DROP DATABASE IF EXISTS ${other}`);
      await admin?.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin?.end();
    },
    features: { comments: true, rowEstimates: true },
    engineRefusals: ['SELECT ktx_write()'], // START TRANSACTION READ ONLY refuses the INSERT inside
    skip: { 'connection failure: missing file': 'MySQL is a server, not a file' },
  });
});

describe.skipIf(skipWithout('mysql'))('mysql session loss and session state', () => {
  const base = serverUrl('mysql') as string;

  it('a connection killed mid-statement rejects with connection_failed at once, and the pool recovers', async () => {
    const mark = `ktx_term_${randomBytes(4).toString('hex')}`;
    const connector = await openMysqlConnector({ driver: 'mysql', id: 'loss', url: base, maxConnections: 1 });
    const admin = await mysql.createConnection({ uri: base });
    try {
      const started = Date.now();
      const running = connector.query(`SELECT SLEEP(5) AS ${mark}`, { maxRows: 1, timeoutMs: 10_000 });
      running.catch(() => {});
      let id: number | undefined;
      while (id === undefined && Date.now() - started < 4_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const [rows] = await admin.query<mysql.RowDataPacket[]>(
          'SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()',
          [`%${mark}%`],
        );
        id = rows[0]?.ID as number | undefined;
      }
      expect(id).toBeDefined();
      await admin.query(`KILL ${Number(id)}`);
      await expectCode(running, 'connection_failed');
      expect(Date.now() - started).toBeLessThan(4_000);
      const { rows } = await connector.query('SELECT 1 AS one', { maxRows: 1, timeoutMs: 5_000 });
      expect(rows).toEqual([[1]]);
    } finally {
      await admin.end();
      await connector.close();
    }
  });

  it('a statement without a result set never leaves its session writable (gate off)', async () => {
    const db = `ktx_test_${randomBytes(4).toString('hex')}_sess`;
    const admin = await mysql.createConnection({ uri: base });
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.query(`CREATE TABLE ${db}.keep (n INT)`);
    const url = Object.assign(new URL(base), { pathname: `/${db}` }).toString();
    const ungated = await openMysqlConnector(
      { driver: 'mysql', id: 'sess', url, maxConnections: 1 },
      { gate: () => {} },
    );
    try {
      const options = { maxRows: 10, timeoutMs: 5_000 };
      const error = await expectCode(
        ungated.query('SET SESSION TRANSACTION READ WRITE', options),
        'read_only_violation',
      );
      expect(error.message).toMatch(/not a query/);
      await expectCode(ungated.query('DROP TABLE keep', options), 'query_failed');
      const { rows } = await ungated.query('SELECT count(*) FROM keep', options);
      expect(rows).toEqual([[0]]);
    } finally {
      await ungated.close();
      await admin.query(`DROP DATABASE IF EXISTS ${db}`);
      await admin.end();
    }
  });
});
