import { isKtxError } from '../../core/index.js';
import {
  createLlmRuntime,
  describeIgnoredLlmSettings,
  detectLlmSdk,
  LLM_MODEL_ROLES,
  probeLlm,
  validateModelId,
} from '../../llm/index.js';
import type { KtxConfig } from '../../project/index.js';
import type { LlmReadiness } from '../../status/index.js';
import { problemOf } from './problem-of.js';
import { describeKeySource, resolveLlmConfig } from './resolve-llm-config.js';

export interface LlmReadinessInput {
  projectDir: string;
  config: KtxConfig;
  env: NodeJS.ProcessEnv;
  fast: boolean;
  probeTimeoutMs: number;
}

/**
 * Everything `ktx status` says about the LLM: each step stops the chain when it fails, so the user
 * sees the most basic problem (no model) rather than its consequence (probe failed).
 */
export async function llmReadiness(input: LlmReadinessInput): Promise<LlmReadiness | null> {
  const backend = input.config.llm.provider.backend;
  if (backend === 'none') return null;
  const readiness: LlmReadiness = { backend, ignoredSettings: [] };
  let resolved: ReturnType<typeof resolveLlmConfig>;
  try {
    resolved = resolveLlmConfig(input.config, { projectDir: input.projectDir, env: input.env });
    if (!resolved) return null;
    for (const role of LLM_MODEL_ROLES) {
      const id = resolved.models[role];
      if (id) validateModelId(backend, id);
    }
  } catch (error) {
    if (!isKtxError(error)) throw error;
    readiness.configProblem = problemOf(error);
    return readiness;
  }
  readiness.model = resolved.models.default;
  readiness.credentials =
    backend === 'claude-code' || backend === 'codex'
      ? resolved.baseUrl
        ? `routed through ${resolved.baseUrl}`
        : 'local sign-in'
      : backend === 'vertex'
        ? `Google application default credentials, ${resolved.vertex?.project ?? 'project from gcloud'} / ${resolved.vertex?.location}`
        : describeKeySource(input.config);
  readiness.ignoredSettings = describeIgnoredLlmSettings(resolved);
  const sdk = await detectLlmSdk(backend);
  if (sdk) {
    readiness.sdk = sdk;
    if (!sdk.installed) return readiness;
  }
  if (input.fast) return readiness;
  const started = performance.now();
  try {
    const runtime = await createLlmRuntime(resolved);
    try {
      const probe = await probeLlm(runtime, { timeoutMs: input.probeTimeoutMs });
      readiness.probe = {
        ok: probe.ok,
        ms: probe.ms,
        ...(probe.error ? { problem: problemOf(probe.error) } : {}),
      };
    } finally {
      await runtime.close();
    }
  } catch (error) {
    readiness.probe = { ok: false, ms: Math.round(performance.now() - started), problem: problemOf(error) };
  }
  return readiness;
}
