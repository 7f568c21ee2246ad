import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../scripts/demo-data/generate.mjs';
import { loadDemoData } from '../../scripts/demo-data/load.mjs';
import { DEMO_CONNECTION_ID, DEMO_QUERIES, demoAssetsDir } from '../../src/app/demo/index.js';
import {
  type DatabaseInput,
  loadSemanticLayer,
  type OpenProject,
  openProject,
  runSemanticQuery,
  runSql,
  scanProject,
  setupProject,
} from '../../src/app/index.js';
import { normaliseRows } from '../engines/semantic/compare-rows.js';
import { mysqlScratch, postgresScratch } from '../support/server-fixtures.js';
import { serverUrl, skipWithout } from '../support/servers.js';
import { tempDir } from '../support/temp-dir.js';
import { demoCheckSql } from './demo-check-sql.js';

type Engine = 'sqlite' | 'duckdb' | 'postgres' | 'mysql';

/** Loads the generated warehouse into the engine and returns the connection to configure. */
async function warehouseFor(
  engine: Engine,
  dir: string,
): Promise<{ database: DatabaseInput; drop(): Promise<void> }> {
  const id = DEMO_CONNECTION_ID;
  const none = async () => {};
  switch (engine) {
    case 'sqlite': {
      // The shipped file itself (its rows equal the generator's: demo-data.test.ts).
      copyFileSync(join(demoAssetsDir(), 'brightdock.sqlite'), join(dir, 'w.sqlite'));
      return { database: { driver: 'sqlite', id, url: join(dir, 'w.sqlite') }, drop: none };
    }
    case 'duckdb': {
      const instance = await DuckDBInstance.create(join(dir, 'w.duckdb'));
      const connection = await instance.connect();
      await loadDemoData('duckdb', generateDemoData(), (sql) => connection.run(sql));
      connection.closeSync();
      instance.closeSync();
      return { database: { driver: 'duckdb', id, url: join(dir, 'w.duckdb') }, drop: none };
    }
    case 'postgres': {
      const url = serverUrl('postgres')!;
      const scratch = await postgresScratch(url, () => 'SELECT 1');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`SET search_path TO ${scratch.schema}`);
        await loadDemoData('postgres', generateDemoData(), (sql) => client.query(sql));
        await client.query(`ANALYZE`);
      } finally {
        await client.end();
      }
      return {
        database: { driver: 'postgres', id, url, schemas: [scratch.schema] },
        drop: () => scratch.drop(),
      };
    }
    case 'mysql': {
      const url = serverUrl('mysql')!;
      const scratch = await mysqlScratch(url, () => []);
      const scoped = new URL(url);
      scoped.pathname = `/${scratch.database}`;
      const connection = await mysql.createConnection(scoped.toString());
      try {
        await loadDemoData('mysql', generateDemoData(), (sql) => connection.query(sql));
      } finally {
        await connection.end();
      }
      return { database: { driver: 'mysql', id, url: scoped.toString() }, drop: () => scratch.drop() };
    }
  }
}

/**
 * The demo's semantic layer on every engine: the generated warehouse is loaded, scanned for real
 * (hidden foreign keys discovered), the bundled sources composed onto the scan, and each demo query
 * compared with hand-written SQL on the same engine.
 */
for (const engine of ['sqlite', 'duckdb', 'postgres', 'mysql'] as const) {
  const server = engine === 'postgres' || engine === 'mysql' ? engine : undefined;
  describe.skipIf(server !== undefined && skipWithout(server))(`the demo project on ${engine}`, () => {
    let project: OpenProject;
    let drop = async () => {};

    beforeAll(async () => {
      const dir = tempDir();
      const warehouse = await warehouseFor(engine, dir);
      drop = warehouse.drop;
      const projectDir = join(dir, 'project');
      mkdirSync(projectDir);
      cpSync(join(demoAssetsDir(), 'semantic-layer'), join(projectDir, 'semantic-layer'), {
        recursive: true,
      });
      await setupProject({ projectDir, cwd: dir, database: warehouse.database });
      project = openProject({ projectDir, env: {} });
      const [report] = await scanProject(project, [DEMO_CONNECTION_ID], { enrich: false, env: {} });
      expect(report!.relationships.inferred).toBeGreaterThanOrEqual(8);
    }, 180_000);
    afterAll(async () => {
      await drop();
    });

    it('composes the bundled sources onto the scan without errors', () => {
      const layer = loadSemanticLayer(project, DEMO_CONNECTION_ID);
      expect(layer.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(layer.model.sources.size).toBe(12);
    });

    it.each(DEMO_QUERIES.map((query) => [query.id, query] as const))(
      '%s equals hand-written SQL',
      async (id, demo) => {
        const compiled = await runSemanticQuery({
          project,
          connectionId: DEMO_CONNECTION_ID,
          query: demo.query,
          execute: true,
        });
        const check = await runSql({
          project,
          connectionId: DEMO_CONNECTION_ID,
          sql: demoCheckSql(id, engine),
        });
        expect(compiled.rows.length).toBeGreaterThan(2);
        expect(normaliseRows(compiled.rows, true), compiled.sql).toEqual(normaliseRows(check.rows, true));
      },
    );

    it('answers through a role-playing join (CSM) and a parent-account self-join', async () => {
      const result = await runSemanticQuery({
        project,
        connectionId: DEMO_CONNECTION_ID,
        query: {
          measures: ['accounts.account_count', 'accounts.subsidiary_count'],
          dimensions: ['csm_rep.region'],
          filters: ["parent_account.segment = 'enterprise' OR accounts.parent_account_id IS NULL"],
        },
        execute: true,
      });
      const check = await runSql({
        project,
        connectionId: DEMO_CONNECTION_ID,
        sql: `SELECT r.region, COUNT(*), SUM(CASE WHEN a.parent_account_id IS NOT NULL THEN 1 ELSE 0 END)
              FROM accounts a LEFT JOIN sales_reps r ON r.id = a.csm_rep_id
              LEFT JOIN accounts p ON p.id = a.parent_account_id
              WHERE a.is_test = 0 AND (p.segment = 'enterprise' OR a.parent_account_id IS NULL)
              GROUP BY r.region`,
      });
      expect(normaliseRows(result.rows, false), result.sql).toEqual(normaliseRows(check.rows, false));
    });
  });
}
