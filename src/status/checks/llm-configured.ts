import type { StatusCheck } from '../check-result.js';

/**
 * Whether an LLM backend is configured. Placeholder depth: presence only; the LLM runtime adds
 * credential resolution, SDK presence and a live probe. `none` is a legitimate choice (the
 * deterministic core needs no model), so it is reported as skipped, not as a warning.
 */
export const llmConfigured: StatusCheck = async ({ loaded }) => {
  const llm = loaded.config?.llm;
  if (!llm) return [];
  const backend = llm.provider.backend;
  if (backend === 'none') {
    return [
      {
        id: 'llm.backend',
        area: 'llm',
        level: 'skip',
        message: 'no LLM backend: deterministic features only (no AI descriptions or context-source ingest)',
        fix: 'ktx setup --llm-backend <backend> --llm-model <model> to enable enrichment',
      },
    ];
  }
  if (!llm.models?.default) {
    return [
      {
        id: 'llm.backend',
        area: 'llm',
        level: 'fail',
        message: `llm.provider.backend is ${backend} but llm.models.default is missing`,
        fix: `ktx setup --llm-backend ${backend} --llm-model <model>`,
      },
    ];
  }
  return [
    { id: 'llm.backend', area: 'llm', level: 'ok', message: `${backend} with model ${llm.models.default}` },
  ];
};
