import type { LlmModelRole, ResolvedLlmConfig } from './port.js';

/** The model id configured for `role`, falling back to `default` (before any alias resolution). */
export function modelForRole(models: ResolvedLlmConfig['models'], role: LlmModelRole | undefined): string {
  const configured = role ? models[role] : undefined;
  return configured !== undefined && configured.trim().length > 0 ? configured.trim() : models.default.trim();
}
