import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { mysqlScratch, postgresScratch } from '../support/server-fixtures.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { tempDir } from '../support/temp-dir.js';

/** A URL for the same server with a user and password, to exercise the secret handling. */
function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

describe.skipIf(skipWithout('postgres'))('a project on the local PostgreSQL (README walkthrough)', () => {
  const url = serverUrl('postgres')!;
  const user = `ktx_cli_${process.pid}`;
  let scratch: Awaited<ReturnType<typeof postgresScratch>>;
  const project = tempDir();

  beforeAll(async () => {
    scratch = await postgresScratch(
      url,
      (schema) => `CREATE TABLE ${schema}.orders (id int PRIMARY KEY, amount numeric(12,2));
        INSERT INTO ${schema}.orders VALUES (1, 10.50), (2, 4.25);
        DROP ROLE IF EXISTS ${user}; CREATE ROLE ${user} LOGIN PASSWORD 'pw-Secret-1';
        GRANT USAGE ON SCHEMA ${schema} TO ${user}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${user};`,
    );
  });
  afterAll(async () => {
    await scratch?.drop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP ROLE IF EXISTS ${user}`);
    await client.end();
  });

  it('sets up, moves the password out of ktx.yaml, reports status, queries, and cannot write', async () => {
    const setup = await runCli([
      '--project-dir',
      project,
      '--json',
      'setup',
      '--no-input',
      '--database',
      'postgres',
      '--database-connection-id',
      'pg',
      '--database-url',
      withCredentials(url, user, 'pw-Secret-1'),
      '--database-schema',
      scratch.schema,
    ]);
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);
    expect(setup.json()).toMatchObject({ connection: { id: 'pg', secretStored: true, test: { ok: true } } });
    const config = readFileSync(join(project, 'ktx.yaml'), 'utf8');
    expect(config).not.toContain('pw-Secret-1');
    expect(config).toContain('url: file:.ktx/secrets/pg-url');
    expect(statSync(join(project, '.ktx', 'secrets', 'pg-url')).mode & 0o777).toBe(0o600);

    const status = await runCli(['--project-dir', project, '--json', 'status']);
    const check = status
      .json<{ checks: { id: string; level: string; message: string }[] }>()
      .checks.find((c) => c.id === 'connections.pg');
    expect(check).toMatchObject({
      level: 'ok',
      message: expect.stringMatching(/^pg \(postgres\): .*reachable/),
    });

    const listed = await runCli(['--project-dir', project, '--json', 'connection', 'list']);
    expect(listed.stdout).not.toContain('pw-Secret-1');

    const rows = await runCli([
      '--project-dir',
      project,
      '--json',
      'sql',
      `select id, amount from ${scratch.schema}.orders order by id`,
    ]);
    expect(rows.json()).toMatchObject({
      rows: [
        [1, '10.50'],
        [2, '4.25'],
      ],
      truncated: false,
    });

    const write = await runCli([
      '--project-dir',
      project,
      '--json',
      'sql',
      `update ${scratch.schema}.orders set amount = 0`,
    ]);
    expect(write.code).toBe(1);
    expect(write.json()).toMatchObject({ error: { code: 'read_only_violation' } });
    const after = await runCli([
      '--project-dir',
      project,
      '--json',
      'sql',
      `select sum(amount) as s from ${scratch.schema}.orders`,
    ]);
    expect(after.json()).toMatchObject({ rows: [['14.75']] });
  });

  it('names the failure without echoing the password when the login is wrong', async () => {
    const result = await runCli([
      '--project-dir',
      tempDir(),
      '--json',
      'setup',
      '--no-input',
      '--database',
      'postgres',
      '--database-url',
      withCredentials(url.replace(/\/[^/]*$/, '/ktx_no_such_db'), user, 'pw-Secret-1'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/connection_failed/);
    expect(result.stdout + result.stderr).not.toContain('pw-Secret-1');
  });
});

describe.skipIf(skipWithout('mysql'))('a project on the local MySQL/MariaDB (README walkthrough)', () => {
  const url = serverUrl('mysql')!;
  const user = `ktx_cli_${process.pid}`;
  let scratch: Awaited<ReturnType<typeof mysqlScratch>>;
  const project = tempDir();

  beforeAll(async () => {
    scratch = await mysqlScratch(url, (database) => [
      `CREATE TABLE ${database}.orders (id int PRIMARY KEY, amount decimal(12,2))`,
      `INSERT INTO ${database}.orders VALUES (1, 10.50), (2, 4.25)`,
      `DROP USER IF EXISTS '${user}'@'%'`,
      `CREATE USER '${user}'@'%' IDENTIFIED BY 'pw-Secret-2'`,
      `GRANT SELECT ON ${database}.* TO '${user}'@'%'`,
    ]);
  });
  afterAll(async () => {
    await scratch?.drop();
    const connection = await mysql.createConnection(url);
    await connection.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await connection.end();
  });

  it('sets up, queries, and cannot write', async () => {
    const target = withCredentials(url, user, 'pw-Secret-2').replace(/\/[^/]*$/, `/${scratch.database}`);
    const setup = await runCli([
      '--project-dir',
      project,
      '--json',
      'setup',
      '--no-input',
      '--database-connection-id',
      'my',
      '--database-url',
      target,
    ]);
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);
    expect(setup.json()).toMatchObject({
      connection: { driver: 'mysql', secretStored: true, test: { ok: true } },
    });
    expect(readFileSync(join(project, 'ktx.yaml'), 'utf8')).not.toContain('pw-Secret-2');

    const tested = await runCli(['--project-dir', project, '--json', 'connection', 'test', 'my']);
    expect(tested.json()).toMatchObject({ results: [{ ok: true, serverVersion: expect.any(String) }] });

    const rows = await runCli([
      '--project-dir',
      project,
      '--json',
      'sql',
      'select id, amount from orders order by id',
    ]);
    expect(rows.json()).toMatchObject({
      rows: [
        [1, '10.50'],
        [2, '4.25'],
      ],
    });
    const write = await runCli(['--project-dir', project, '--json', 'sql', 'delete from orders']);
    expect(write.json()).toMatchObject({ error: { code: 'read_only_violation' } });
  });

  it('reports a wrong password as connection_failed without echoing it', async () => {
    const target = withCredentials(url, user, 'wrong-Secret-3');
    const result = await runCli([
      '--project-dir',
      tempDir(),
      '--json',
      'setup',
      '--no-input',
      '--database',
      'mysql',
      '--database-url',
      target,
    ]);
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ error: { code: 'connection_failed' } });
    expect(result.stdout + result.stderr).not.toContain('wrong-Secret-3');
  });
});
