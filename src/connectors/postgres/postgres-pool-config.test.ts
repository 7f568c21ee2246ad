import { describe, expect, it } from 'vitest';
import { postgresPoolConfig } from './postgres-pool-config.js';

describe('postgresPoolConfig', () => {
  it('starts sessions read-only and in UTC, after any options of the URL', () => {
    const { pool } = postgresPoolConfig(
      'postgres://u:pw@h:5432/db?options=-c%20work_mem%3D64MB',
      undefined,
      4,
    );
    expect(pool.options).toMatch(/^-c work_mem=64MB -c default_transaction_read_only=on -c TimeZone=UTC /);
    expect(pool.connectionString).not.toContain('options');
    expect(pool.max).toBe(4);
  });

  it('puts configured schemas first on the search path, quoted and escaped', () => {
    const { pool } = postgresPoolConfig('postgres://h/db', ['sales', 'my schema'], 10);
    expect(pool.options).toContain('-c search_path="sales","my\\ schema","public"');
  });

  it('describes the target without the password', () => {
    const target = postgresPoolConfig('postgres://app:hunter2@db:5432/sales', undefined, 10);
    expect(target.display).toBe('postgres://app@db:5432/sales');
    expect(target.secrets).toContain('hunter2');
  });

  it('reports a literal % in the password as connection_config', () => {
    expect(() => postgresPoolConfig('postgres://app:50%off@db/sales', undefined, 1)).toThrow(
      expect.objectContaining({ code: 'connection_config' }),
    );
  });
});
