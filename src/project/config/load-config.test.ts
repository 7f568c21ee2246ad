import { describe, expect, it } from 'vitest';
import { parseConfigText } from './load-config.js';

describe('parseConfigText', () => {
  it('accepts a reference-style project and applies defaults', () => {
    const { config, diagnostics } = parseConfigText(
      `connections:
  warehouse:
    driver: postgres
    url: env:DATABASE_URL
    schemas: [public, sales]
    enabled_tables: ["public.*"]
    maxConnections: 4
  local:
    driver: sqlite
    path: data/app.db
llm:
  provider:
    backend: claude-code
  models:
    default: sonnet
scan:
  relationships:
    acceptThreshold: 0.9
`,
      'ktx.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(config?.connections.warehouse?.schemas).toEqual(['public', 'sales']);
    expect(config?.embeddings.backend).toBe('none');
    expect(config?.llm.models?.default).toBe('sonnet');
  });

  it('warns on unknown keys with the line and the closest valid key, and keeps the rest', () => {
    const { config, diagnostics } = parseConfigText(
      `connections:
  wh:
    driver: sqlite
    pathh: a.db
    path: b.db
embedings:
  backend: none
`,
      'ktx.yaml',
    );
    expect(config?.connections.wh?.path).toBe('b.db');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-key',
        path: 'connections.wh.pathh',
        line: 4,
        message: expect.stringContaining('did you mean `path`'),
      }),
      expect.objectContaining({
        severity: 'warning',
        path: 'embedings',
        line: 6,
        message: expect.stringContaining('did you mean `embeddings`'),
      }),
    ]);
  });

  it('reports invalid values as errors naming the key path, line and fix', () => {
    const { config, diagnostics } = parseConfigText(
      `connections:
  wh:
    driver: postgress
    url: postgres://localhost/x
`,
      'ktx.yaml',
    );
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'connections.wh.driver',
        line: 3,
        message: expect.stringContaining('did you mean `postgres`'),
        fix: 'use one of: sqlite, duckdb, postgres, mysql',
      }),
    ]);
  });

  it('requires a path for file databases and a url or host for servers', () => {
    const { diagnostics } = parseConfigText(
      'connections:\n  a:\n    driver: duckdb\n  b:\n    driver: mysql\n',
      'ktx.yaml',
    );
    expect(diagnostics.map((diagnostic) => diagnostic.path)).toEqual([
      'connections.a.path',
      'connections.b.url',
    ]);
  });

  it('rejects connection ids that are not filename-safe', () => {
    const { diagnostics } = parseConfigText(
      'connections:\n  "../x":\n    driver: sqlite\n    path: a.db\n',
      'ktx.yaml',
    );
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('connection ids'),
    });
  });

  it('reports YAML syntax errors with a line', () => {
    const { config, diagnostics } = parseConfigText('connections:\n  a: [unclosed\n', 'ktx.yaml');
    expect(config).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(diagnostics[0]?.line).toBeGreaterThan(0);
  });
});
