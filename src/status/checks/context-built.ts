import type { CheckResult, StatusCheck } from '../check-result.js';

/**
 * Each connection has a semantic layer agents can use: files exist, load, and validate. Errors
 * block (queries would fail); warnings leave the verdict partial.
 */
export const contextBuilt: StatusCheck = async ({ loaded, summariseSemanticLayer }) => {
  const config = loaded.config;
  if (!config) return [];
  return Object.keys(config.connections).map((id): CheckResult => {
    const summary = summariseSemanticLayer(id);
    const base = { id: `context.${id}`, area: 'context' as const, details: { ...summary } };
    if (summary.files === 0) {
      return {
        ...base,
        level: 'warn',
        message: `${id}: no semantic-layer files yet`,
        fix: `ktx scan ${id} (or write sources under semantic-layer/${id}/)`,
      };
    }
    const counts = `${summary.sources} source(s), ${summary.measures} measure(s)`;
    if (summary.errors > 0) {
      return {
        ...base,
        level: 'fail',
        message: `${id}: ${counts}; ${summary.errors} error(s), first: ${summary.firstError}`,
        fix: `ktx sl validate --connection-id ${id} lists every problem with its fix`,
      };
    }
    if (summary.warnings > 0) {
      return {
        ...base,
        level: 'warn',
        message: `${id}: ${counts}; ${summary.warnings} warning(s)`,
        fix: `ktx sl validate --connection-id ${id}`,
      };
    }
    return { ...base, level: 'ok', message: `${id}: ${counts}, valid` };
  });
};
