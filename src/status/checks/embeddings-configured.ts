import type { CheckResult, StatusCheck } from '../check-result.js';

const ID = 'embeddings.backend';

/**
 * Embedding readiness. Off means lexical-only search, which works, so it is a skip, not a failure;
 * configured but broken (missing key, model dir, package, unreachable server) is a warning, because
 * search still answers lexically. Unless `--fast`, a live probe embeds one text.
 */
export const embeddingsConfigured: StatusCheck = async (context) => {
  const embeddings = context.loaded.config?.embeddings;
  if (!embeddings) return [];
  if (embeddings.backend === 'none') {
    return [
      {
        id: ID,
        area: 'embeddings',
        level: 'skip',
        message: 'no embedding backend: search is lexical only',
        fix: 'ktx setup --embedding-backend <backend> for hybrid search',
      },
    ];
  }
  const readiness = await context.embeddingReadiness?.(context.fast);
  if (!readiness) return [];
  const name = `${readiness.backend}${readiness.model ? ` with model ${readiness.model}` : ''}`;
  if (readiness.configProblem) {
    return [
      {
        id: ID,
        area: 'embeddings',
        level: 'warn',
        message: `${readiness.configProblem.message} Search runs lexical only.`,
        fix: readiness.configProblem.fix ?? 'fix the embeddings block of ktx.yaml',
        details: { backend: readiness.backend, code: readiness.configProblem.code },
      },
    ];
  }
  const result: CheckResult = {
    id: ID,
    area: 'embeddings',
    level: 'ok',
    message: name,
    details: { backend: readiness.backend, model: readiness.model, endpoint: readiness.endpoint },
  };
  if (!readiness.probe) return [{ ...result, message: `${name} (probe skipped: --fast)` }];
  if (!readiness.probe.ok) {
    return [
      {
        ...result,
        level: 'warn',
        message: `${name}: ${readiness.probe.problem?.message ?? 'probe failed'} Search runs lexical only.`,
        fix: readiness.probe.problem?.fix ?? 'check the embedding server',
        details: { ...result.details, code: readiness.probe.problem?.code, ms: readiness.probe.ms },
      },
    ];
  }
  return [
    {
      ...result,
      message: `${name}: ${readiness.probe.dimensions} dimensions in ${readiness.probe.ms} ms`,
      details: { ...result.details, dimensions: readiness.probe.dimensions, ms: readiness.probe.ms },
    },
  ];
};
