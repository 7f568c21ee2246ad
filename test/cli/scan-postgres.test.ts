import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { postgresScratch } from '../support/server-fixtures.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { tempDir } from '../support/temp-dir.js';

describe.skipIf(skipWithout('postgres'))('ktx scan on PostgreSQL', () => {
  const url = serverUrl('postgres')!;
  const project = tempDir();
  let scratch: Awaited<ReturnType<typeof postgresScratch>>;

  beforeAll(async () => {
    scratch = await postgresScratch(
      url,
      (s) => `CREATE TABLE ${s}.accounts (id int PRIMARY KEY, plan text);
        COMMENT ON TABLE ${s}.accounts IS 'Paying organisations';
        CREATE TABLE ${s}.invoices (id int PRIMARY KEY, account_id int REFERENCES ${s}.accounts(id), total numeric(10,2));
        INSERT INTO ${s}.accounts VALUES (1, 'pro'), (2, 'free');
        INSERT INTO ${s}.invoices VALUES (1, 1, 10.5), (2, 1, 4.5), (3, 2, 1);`,
    );
    const setup = await runCli([
      '--project-dir',
      project,
      'setup',
      '--no-input',
      '--database',
      'postgres',
      '--database-connection-id',
      'pg',
      '--database-url',
      url,
      '--database-schema',
      scratch.schema,
    ]);
    expect(setup.code, setup.stderr).toBe(0);
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('scans the scoped schema into schema-qualified sources that query along the declared key', async () => {
    const scan = await runCli(['--project-dir', project, '--json', 'scan']);
    expect(scan.code, scan.stdout + scan.stderr).toBe(0);
    expect(scan.json()).toMatchObject({
      reports: [
        { tables: 2, foreignKeys: 1, manifests: [`semantic-layer/pg/_schema/${scratch.schema}.yaml`] },
      ],
    });
    const query = await runCli([
      '--project-dir',
      project,
      '--json',
      'sl',
      'query',
      '--measure',
      'sum(invoices.total)',
      '--dimension',
      'accounts.plan',
      '--execute',
    ]);
    expect(query.code, query.stdout + query.stderr).toBe(0);
    expect(query.json<{ rows: unknown[][] }>().rows).toEqual(
      expect.arrayContaining([
        ['pro', '15.00'],
        ['free', '1.00'],
      ]),
    );
    const list = await runCli(['--project-dir', project, '--json', 'sl', 'organisations']);
    expect(list.json<{ sources: { name: string }[] }>().sources.map((source) => source.name)).toEqual([
      'accounts',
    ]);
  });
});
