import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';

/** A throwaway PostgreSQL schema (writable client, for fixtures only) dropped by `drop()`. */
export async function postgresScratch(
  url: string,
  setupSql: (schema: string) => string,
): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `ktx_test_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(setupSql(schema));
  } finally {
    await client.end();
  }
  return {
    schema,
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** A throwaway MySQL/MariaDB database (writable root client, fixtures only) dropped by `drop()`. */
export async function mysqlScratch(
  url: string,
  setupSql: (database: string) => string[],
): Promise<{ database: string; drop(): Promise<void> }> {
  const database = `ktx_test_${randomBytes(4).toString('hex')}`;
  const connection = await mysql.createConnection(url);
  try {
    await connection.query(`CREATE DATABASE ${database}`);
    for (const statement of setupSql(database)) await connection.query(statement);
  } finally {
    await connection.end();
  }
  return {
    database,
    async drop() {
      const cleanup = await mysql.createConnection(url);
      await cleanup.query(`DROP DATABASE IF EXISTS ${database}`);
      await cleanup.end();
    },
  };
}
