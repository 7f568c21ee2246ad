import type { CheckResult, LlmReadiness, StatusCheck } from '../check-result.js';

function line(id: string, level: CheckResult['level'], message: string, fix?: string): CheckResult {
  return { id, area: 'llm', level, message, ...(fix ? { fix } : {}) };
}

/** Turns what the app learned about the LLM backend into status lines, most basic failure first. */
export function llmReadinessLines(readiness: LlmReadiness): CheckResult[] {
  const { backend } = readiness;
  if (readiness.configProblem) {
    return [
      line(
        'llm.backend',
        'fail',
        `${backend}: ${readiness.configProblem.message}`,
        readiness.configProblem.fix,
      ),
    ];
  }
  const lines = [line('llm.backend', 'ok', `${backend} with model ${readiness.model}`)];
  if (readiness.credentials === 'literal in ktx.yaml') {
    // A key in ktx.yaml ends up in git; it works, but say so.
    lines.push(
      line(
        'llm.credentials',
        'warn',
        'the API key is written literally in ktx.yaml (it will be committed)',
        'Replace it with env:NAME or file:PATH (e.g. ktx setup --llm-api-key-file <path>).',
      ),
    );
  } else if (readiness.credentials) {
    lines.push(line('llm.credentials', 'ok', `credentials: ${readiness.credentials}`));
  }
  if (readiness.sdk) {
    const sdk = readiness.sdk;
    lines.push(
      sdk.installed
        ? line('llm.sdk', 'ok', `${sdk.name} ${sdk.version ?? ''}`.trim())
        : line(
            'llm.sdk',
            'fail',
            `${sdk.name} is not installed (it is not part of the default install)`,
            sdk.fix,
          ),
    );
  }
  for (const [index, setting] of readiness.ignoredSettings.entries()) {
    lines.push(
      line(
        `llm.ignored.${index}`,
        'warn',
        setting,
        'Remove the field from ktx.yaml or pick a backend that supports it.',
      ),
    );
  }
  if (readiness.probe) {
    const probe = readiness.probe;
    lines.push(
      probe.ok
        ? { ...line('llm.probe', 'ok', `live probe answered in ${probe.ms} ms`), details: { ms: probe.ms } }
        : line(
            'llm.probe',
            'fail',
            `live probe failed (${probe.problem?.code ?? 'llm_provider_error'}): ${probe.problem?.message ?? 'no answer'}`,
            probe.problem?.fix ?? 'Run `ktx llm test --debug` for details.',
          ),
    );
  } else if (!readiness.sdk || readiness.sdk.installed) {
    lines.push(line('llm.probe', 'skip', 'live probe skipped (--fast)', 'Run `ktx status` without --fast.'));
  }
  return lines;
}

/**
 * LLM readiness: backend configured, `models.default` present and valid for the backend, credentials
 * resolvable, SDK present, and (unless `--fast`) a live probe. `none` is a legitimate choice (the
 * deterministic core needs no model), so it is reported as skipped, not as a warning.
 */
export const llmConfigured: StatusCheck = async (context) => {
  const llm = context.loaded.config?.llm;
  if (!llm) return [];
  if (llm.provider.backend === 'none') {
    return [
      line(
        'llm.backend',
        'skip',
        'no LLM backend: deterministic features only (no AI descriptions or context-source ingest)',
        'ktx setup --llm-backend <backend> --llm-model <model> to enable enrichment',
      ),
    ];
  }
  const readiness = await context.llmReadiness(context.fast);
  return readiness ? llmReadinessLines(readiness) : [];
};
