import { isKtxError, toKtxError } from '../../core/index.js';
import type { CheckResult, StatusCheck } from '../check-result.js';

/**
 * Each configured connection really connects (unlike a presence check): latency and server version
 * on success, the connector's own message and fix on failure. `--fast` only confirms the entry exists.
 */
export const connectionsReachable: StatusCheck = async (context) => {
  const config = context.loaded.config;
  if (!config) return [];
  const ids = Object.keys(config.connections);
  if (ids.length === 0) {
    return [
      {
        id: 'connections.none',
        area: 'connections',
        level: 'warn',
        message: 'no warehouse connection configured',
        fix: 'ktx setup --database <sqlite|duckdb|postgres|mysql> --database-url <url>',
      },
    ];
  }
  return Promise.all(
    ids.map(async (id): Promise<CheckResult> => {
      const checkId = `connections.${id}`;
      if (context.fast) {
        return { id: checkId, area: 'connections', level: 'skip', message: `${id}: not probed (--fast)` };
      }
      let connector: Awaited<ReturnType<typeof context.openConnector>> | undefined;
      try {
        connector = await context.openConnector(id, config);
        const probe = await connector.test(AbortSignal.timeout(context.probeTimeoutMs));
        return {
          id: checkId,
          area: 'connections',
          level: 'ok',
          message: `${id} (${connector.driver}): ${probe.serverVersion}, reachable in ${Math.round(probe.latencyMs)} ms`,
          details: { driver: connector.driver, ...probe },
        };
      } catch (error) {
        const failure = isKtxError(error) ? error : toKtxError(error);
        return {
          id: checkId,
          area: 'connections',
          level: 'fail',
          message: `${id}: ${failure.message}`,
          fix: failure.fix ?? `check connections.${id} in ktx.yaml, then run ktx connection test ${id}`,
          details: { code: failure.code },
        };
      } finally {
        await connector?.close();
      }
    }),
  );
};
