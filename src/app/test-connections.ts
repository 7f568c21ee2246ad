import { isKtxError, toKtxError } from '../core/index.js';
import { openStateStore } from '../project/index.js';
import { requireConnection } from './connector-config.js';
import { openConnector } from './open-connector.js';
import type { OpenProject } from './open-project.js';

export interface ConnectionTestResult {
  connectionId: string;
  driver: string;
  ok: boolean;
  latencyMs?: number;
  serverVersion?: string;
  error?: { code: string; message: string; fix?: string };
}

/** Tests one connection for real: connect, run a trivial query, report latency and version. */
export async function testConnection(
  project: OpenProject,
  id: string,
  timeoutMs = 15_000,
): Promise<ConnectionTestResult> {
  const driver = requireConnection(project.config, id).driver;
  let connector: Awaited<ReturnType<typeof openConnector>> | undefined;
  try {
    connector = await openConnector(project.dir, project.config, id);
    const probe = await connector.test(AbortSignal.timeout(timeoutMs));
    return {
      connectionId: id,
      driver,
      ok: true,
      latencyMs: Math.round(probe.latencyMs * 10) / 10,
      serverVersion: probe.serverVersion,
    };
  } catch (error) {
    const failure = isKtxError(error) ? error : toKtxError(error);
    return {
      connectionId: id,
      driver,
      ok: false,
      error: { code: failure.code, message: failure.message, fix: failure.fix },
    };
  } finally {
    await connector?.close();
  }
}

/** Tests several connections concurrently and remembers the outcome in the state store. */
export async function testConnections(
  project: OpenProject,
  ids: readonly string[],
): Promise<ConnectionTestResult[]> {
  for (const id of ids) requireConnection(project.config, id);
  const results = await Promise.all(ids.map((id) => testConnection(project, id)));
  const state = openStateStore(project.layout.stateDb);
  try {
    const upsert = state.prepare(
      `INSERT INTO connection_checks (connection_id, checked_at, ok, latency_ms, server_version, error_code, error_message)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(connection_id) DO UPDATE SET checked_at = excluded.checked_at, ok = excluded.ok,
         latency_ms = excluded.latency_ms, server_version = excluded.server_version,
         error_code = excluded.error_code, error_message = excluded.error_message`,
    );
    const now = new Date().toISOString();
    for (const result of results) {
      upsert.run(
        result.connectionId,
        now,
        result.ok ? 1 : 0,
        result.latencyMs ?? null,
        result.serverVersion ?? null,
        result.error?.code ?? null,
        result.error?.message ?? null,
      );
    }
  } finally {
    state.close();
  }
  return results;
}
