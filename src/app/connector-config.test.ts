import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../project/index.js';
import { describeConnectionTarget, toConnectorConfig } from './connector-config.js';

const config = parseConfigText(
  `connections:
  lite:
    driver: sqlite
    url: sqlite:///data/app.db
  rel:
    driver: duckdb
    path: lake.duckdb
    schemas: [main]
  parts:
    driver: postgres
    host: db.internal
    port: 6543
    database: sales
    username: analyst
    password: env:PG_PASSWORD
    schema: public
  literal:
    driver: mysql
    url: mysql://app:hunter2@db:3306/shop?ssl=true
`,
  'ktx.yaml',
).config!;

describe('toConnectorConfig', () => {
  it('resolves file URLs and project-relative paths', () => {
    expect(toConnectorConfig('/p', config, 'lite')).toEqual({
      driver: 'sqlite',
      id: 'lite',
      path: '/data/app.db',
    });
    expect(toConnectorConfig('/p', config, 'rel')).toEqual({
      driver: 'duckdb',
      id: 'rel',
      path: '/p/lake.duckdb',
      schemas: ['main'],
    });
  });

  it('builds a server URL from parts, dereferencing the password at use time', () => {
    process.env.PG_PASSWORD = 'p@ss:word';
    try {
      const resolved = toConnectorConfig('/p', config, 'parts');
      expect(resolved).toMatchObject({ driver: 'postgres', schemas: ['public'] });
      const url = new URL((resolved as { url: string }).url);
      expect([url.hostname, url.port, url.pathname, url.username, decodeURIComponent(url.password)]).toEqual([
        'db.internal',
        '6543',
        '/sales',
        'analyst',
        'p@ss:word',
      ]);
    } finally {
      delete process.env.PG_PASSWORD;
    }
  });

  it('suggests the closest id for an unknown connection', () => {
    expect(() => toConnectorConfig('/p', config, 'lit')).toThrow(/did you mean `lite`/);
  });
});

describe('describeConnectionTarget', () => {
  it('never shows a literal password, and shows references and paths as written', () => {
    expect(describeConnectionTarget(config.connections.literal!)).toBe('mysql://app@db:3306/shop?ssl=true');
    expect(describeConnectionTarget(config.connections.rel!)).toBe('lake.duckdb');
    expect(describeConnectionTarget({ driver: 'postgres', url: 'env:DATABASE_URL' })).toBe(
      'env:DATABASE_URL',
    );
  });
});
