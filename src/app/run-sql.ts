import { type CellValue, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, MAX_MAX_ROWS } from '../connectors/port.js';
import { KtxError } from '../core/index.js';
import { requireConnection } from './connector-config.js';
import { openConnector } from './open-connector.js';
import type { OpenProject } from './open-project.js';

export interface RunSqlInput {
  project: OpenProject;
  connectionId?: string;
  sql: string;
  maxRows?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The `ktx sql --json` shape (DESIGN.md CLI contract); fields are only ever added. */
export interface SqlResult {
  connectionId: string;
  headers: string[];
  headerTypes: string[];
  rows: CellValue[][];
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
}

/** With exactly one connection configured, `--connection-id` may be left out. */
export function pickConnectionId(project: OpenProject, requested: string | undefined): string {
  if (requested) {
    requireConnection(project.config, requested);
    return requested;
  }
  const ids = Object.keys(project.config.connections);
  if (ids.length === 1) return ids[0]!;
  throw new KtxError(
    'missing_input',
    ids.length === 0 ? 'No connection is configured.' : 'Several connections are configured; say which one.',
    {
      fix:
        ids.length === 0
          ? 'Add one with `ktx setup --database <driver> --database-url <url>`.'
          : `Pass --connection-id <${ids.join('|')}>.`,
    },
  );
}

/**
 * The connections a command acts on: the one named, else every configured one (`--all` is the
 * explicit spelling of the default). Both at once, or none configured, is an error.
 */
export function pickConnectionIds(
  project: OpenProject,
  requested: string | undefined,
  all: boolean | undefined,
): string[] {
  if (requested && all)
    throw new KtxError('usage', 'Pass a connection id or --all, not both.', { fix: 'Drop one of them.' });
  if (requested) {
    requireConnection(project.config, requested);
    return [requested];
  }
  const ids = Object.keys(project.config.connections);
  if (ids.length === 0) {
    throw new KtxError('connection_unknown', 'No connections are configured.', {
      fix: 'Add one with `ktx setup --database <driver> --database-url <url>`.',
    });
  }
  return ids;
}

export function checkMaxRows(maxRows: number | undefined): number {
  const value = maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(value) || value < 1 || value > MAX_MAX_ROWS) {
    throw new KtxError(
      'invalid_argument',
      `--max-rows must be an integer from 1 to ${MAX_MAX_ROWS}, got ${maxRows}.`,
      {
        fix: `Pass --max-rows between 1 and ${MAX_MAX_ROWS}.`,
      },
    );
  }
  return value;
}

/** Runs one read-only statement with the connection's timeout and a row cap. */
export async function runSql(input: RunSqlInput): Promise<SqlResult> {
  const connectionId = pickConnectionId(input.project, input.connectionId);
  const maxRows = checkMaxRows(input.maxRows);
  const timeoutMs =
    input.timeoutMs ?? input.project.config.connections[connectionId]?.query_timeout_ms ?? DEFAULT_TIMEOUT_MS;
  const connector = await openConnector(input.project.dir, input.project.config, connectionId);
  try {
    const result = await connector.query(input.sql, { maxRows, timeoutMs, signal: input.signal });
    return {
      connectionId,
      headers: result.columns.map((column) => column.name),
      headerTypes: result.columns.map((column) => column.type),
      rows: result.rows,
      rowCount: result.rows.length,
      truncated: result.truncated,
      elapsedMs: Math.round(result.elapsedMs * 10) / 10,
    };
  } finally {
    await connector.close();
  }
}
