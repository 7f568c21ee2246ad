import { z } from 'zod';

/** Connection ids appear in paths (`semantic-layer/<id>/`) and flags, so they stay filename-safe. */
export const CONNECTION_ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

export const WAREHOUSE_DRIVERS = ['sqlite', 'duckdb', 'postgres', 'mysql'] as const;

const secretText = z
  .string()
  .min(1)
  .describe(
    'A literal value, `env:NAME` (read from the environment at run time) or `file:PATH` (first line of the file).',
  );

const tableGlobs = z
  .array(z.string().min(1))
  .describe('Globs over `schema.table`, e.g. `public.*`, `*.fct_*`.');

const enabledTables = z
  .union([
    tableGlobs,
    z.strictObject({
      include: tableGlobs.optional(),
      exclude: tableGlobs.optional(),
    }),
  ])
  .describe('Which tables ktx may scan: a list of include globs, or `{include, exclude}`.');

/**
 * One warehouse connection. A single object for every driver (rather than a union) so a misspelt key
 * gets a "did you mean" against every known key; per-driver requirements are checked in `superRefine`.
 * Keys follow the reference ktx format so existing projects open unchanged.
 */
export const connectionSchema = z
  .strictObject({
    driver: z.enum(WAREHOUSE_DRIVERS).describe('Which warehouse engine this connection talks to.'),
    description: z.string().optional().describe('Free text shown in `ktx connection list`.'),
    url: secretText
      .optional()
      .describe(
        'postgres://…, mysql://…, or for sqlite/duckdb a file path or sqlite:///abs/path. May be env:/file: reference.',
      ),
    path: secretText.optional().describe('SQLite/DuckDB database file, relative to the project directory.'),
    host: z.string().optional(),
    port: z.number().int().min(1).max(65535).optional(),
    database: z.string().optional(),
    username: z.string().optional(),
    user: z.string().optional().describe('Alias of `username`.'),
    password: secretText.optional(),
    schema: z.string().optional().describe('A single schema (MySQL: database) to scope to.'),
    schemas: z.array(z.string().min(1)).optional().describe('Schemas (MySQL: databases) to scope to.'),
    enabled_tables: enabledTables.optional(),
    maxConnections: z.number().int().min(1).max(100).optional().describe('Pool size (default 10).'),
    query_timeout_ms: z
      .number()
      .int()
      .min(100)
      .max(3_600_000)
      .optional()
      .describe('Statement timeout for every query on this connection (default 30000).'),
    context: z.looseObject({}).optional().describe('Reference-compatible per-connection context settings.'),
  })
  .superRefine((connection, context) => {
    const fileBased = connection.driver === 'sqlite' || connection.driver === 'duckdb';
    if (fileBased && !connection.path && !connection.url) {
      context.addIssue({
        code: 'custom',
        path: ['path'],
        message: `a ${connection.driver} connection needs \`path\` (the database file)`,
      });
    }
    if (!fileBased && !connection.url && !connection.host) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: `a ${connection.driver} connection needs \`url\` (or \`host\`, \`database\`, \`username\`)`,
      });
    }
  });

export type ConnectionConfig = z.infer<typeof connectionSchema>;
export type WarehouseDriver = (typeof WAREHOUSE_DRIVERS)[number];
