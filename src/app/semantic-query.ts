import { type CellValue, DEFAULT_TIMEOUT_MS, MAX_MAX_ROWS } from '../connectors/port.js';
import { KtxError } from '../core/index.js';
import { type CompiledQuery, compileQuery, type PlanSummary, type SemanticQuery } from '../semantic/index.js';
import { openConnector } from './open-connector.js';
import type { OpenProject } from './open-project.js';
import { checkMaxRows, pickConnectionId } from './run-sql.js';
import { loadSemanticLayer } from './semantic-layer.js';

/** The `ktx sl query --json` shape (DESIGN.md CLI contract); fields are only ever added. */
export interface SemanticQueryResult {
  connectionId: string;
  dialect: string;
  sql: string;
  headers: string[];
  rows: CellValue[][];
  totalRows: number;
  plan: PlanSummary & {
    execution:
      | { mode: 'compile_only' }
      | {
          mode: 'executed';
          driver: string;
          maxRows: number;
          rowCount: number;
          truncated: boolean;
          elapsedMs: number;
        };
  };
}

export interface RunSemanticQueryInput {
  project: OpenProject;
  connectionId?: string;
  query: SemanticQuery;
  execute: boolean;
  maxRows?: number;
}

/** Compiles a metric query for the connection's dialect and, with `execute`, runs it read-only. */
export async function runSemanticQuery(input: RunSemanticQueryInput): Promise<SemanticQueryResult> {
  const connectionId = pickConnectionId(input.project, input.connectionId);
  const layer = loadSemanticLayer(input.project, connectionId);
  const compiled: CompiledQuery = compileQuery(layer.model, input.query);
  const headers = compiled.columns.map((column) => column.name);
  if (!input.execute) {
    return {
      connectionId,
      dialect: compiled.dialect,
      sql: compiled.sql,
      headers,
      rows: [],
      totalRows: 0,
      plan: { ...compiled.plan, execution: { mode: 'compile_only' } },
    };
  }
  const maxRows = checkMaxRows(
    input.maxRows ?? Math.min(MAX_MAX_ROWS, Math.max(1, input.query.limit ?? 1000)),
  );
  const connection = input.project.config.connections[connectionId]!;
  const connector = await openConnector(input.project.dir, input.project.config, connectionId);
  try {
    const result = await connector.query(compiled.sql, {
      maxRows,
      timeoutMs: connection.query_timeout_ms ?? DEFAULT_TIMEOUT_MS,
    });
    if (result.columns.length !== headers.length) {
      throw new KtxError(
        'internal',
        `The compiled query returned ${result.columns.length} columns, expected ${headers.length}.`,
      );
    }
    return {
      connectionId,
      dialect: compiled.dialect,
      sql: compiled.sql,
      headers,
      rows: result.rows,
      totalRows: result.rows.length,
      plan: {
        ...compiled.plan,
        execution: {
          mode: 'executed',
          driver: connector.driver,
          maxRows,
          rowCount: result.rows.length,
          truncated: result.truncated,
          elapsedMs: Math.round(result.elapsedMs * 10) / 10,
        },
      },
    };
  } finally {
    await connector.close();
  }
}
