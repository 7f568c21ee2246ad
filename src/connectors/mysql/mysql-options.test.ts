import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../core/index.js';
import { mysqlPoolOptions } from './mysql-options.js';

describe('mysqlPoolOptions', () => {
  it('reads the URL parts and never enables multiple statements', () => {
    const { pool, display } = mysqlPoolOptions('mysql://app:p%40ss@db:3307/shop', 5);
    expect(pool).toMatchObject({ host: 'db', port: 3307, user: 'app', password: 'p@ss', database: 'shop' });
    expect(pool.multipleStatements).toBe(false);
    expect(pool.connectionLimit).toBe(5);
    expect(display).toBe('mysql://app@db:3307/shop');
  });

  it('refuses URL parameters that mysql2 would copy into its options', () => {
    expect(() => mysqlPoolOptions('mysql://h/db?multipleStatements=true', 10)).toThrow(
      expect.objectContaining({ code: 'connection_config' }),
    );
    try {
      mysqlPoolOptions('mysql://h/db?flags=MULTI_STATEMENTS', 10);
    } catch (error) {
      expect(isKtxError(error, 'connection_config')).toBe(true);
    }
  });

  it('masks the ssl options in the display and scrubs every string in them', () => {
    const ssl = encodeURIComponent(JSON.stringify({ passphrase: 'hunter2-pass', rejectUnauthorized: false }));
    const target = mysqlPoolOptions(`mysql://app@db/shop?ssl=${ssl}`, 1);
    expect(target.display).toBe('mysql://app@db/shop?ssl=***');
    expect(target.secrets).toContain('hunter2-pass');
    expect(target.pool.ssl).toEqual({ passphrase: 'hunter2-pass', rejectUnauthorized: false });
  });

  it('reports a malformed password or ssl parameter as connection_config', () => {
    expect(() => mysqlPoolOptions('mysql://app:50%off@db/shop', 1)).toThrow(
      expect.objectContaining({ code: 'connection_config' }),
    );
    expect(() => mysqlPoolOptions('mysql://app@db/shop?ssl=required', 1)).toThrow(
      expect.objectContaining({ code: 'connection_config' }),
    );
  });
});
