import { assertNever } from '../core/index.js';
import { validateModelId } from './model-ids.js';
import { LLM_MODEL_ROLES, type LlmRuntime, type LlmRuntimeDeps, type ResolvedLlmConfig } from './port.js';
import { createRateLimitGovernor } from './rate-limit-governor.js';

/**
 * Builds the runtime for the configured backend. Every configured model id is checked first, so a
 * typo fails here with the accepted forms named rather than on the first call. Each runtime gets a
 * rate-limit governor (the injected one, shared across runtimes, or its own).
 */
export async function createLlmRuntime(
  config: ResolvedLlmConfig,
  deps: LlmRuntimeDeps = {},
): Promise<LlmRuntime> {
  for (const role of LLM_MODEL_ROLES) {
    const id = config.models[role];
    if (id === undefined) continue;
    const check = validateModelId(config.backend, id);
    if (!check.ok) throw check.error;
  }
  const withGovernor: LlmRuntimeDeps = { ...deps, governor: deps.governor ?? createRateLimitGovernor() };
  const backend = config.backend;
  switch (backend) {
    // Dynamic imports keep each backend (and its SDK) out of the module graph until it is chosen,
    // so `ktx --help` and `backend: none` projects never load an SDK.
    case 'claude-code': {
      const { createClaudeCodeRuntime } = await import('./backends/claude-code/claude-code-runtime.js');
      return await createClaudeCodeRuntime(config, withGovernor);
    }
    case 'codex': {
      const { createCodexRuntime } = await import('./backends/codex/codex-runtime.js');
      return await createCodexRuntime(config, withGovernor);
    }
    case 'anthropic':
    case 'vertex':
    case 'gateway':
    case 'openai':
    case 'openai-compatible': {
      const { createAiSdkRuntime } = await import('./ai-sdk/ai-sdk-runtime.js');
      return await createAiSdkRuntime(config, withGovernor);
    }
    default:
      return assertNever(backend, 'llm backend');
  }
}
