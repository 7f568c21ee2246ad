import type { ResolvedLlmConfig } from '../../port.js';

/**
 * The `llm` settings the claude-code backend cannot honour, as ktx.yaml paths, so `ktx status` and
 * setup can say so instead of ignoring them silently (the reference did, R35).
 *
 * Honoured: `promptCaching.enabled` (off → DISABLE_PROMPT_CACHING) and `promptCaching.systemTtl`
 * (→ CLAUDE_CODE_PROMPT_CACHE_TTL, which Claude Code applies to the whole conversation). Claude Code
 * has no separate tools or history TTL and never talks to Vertex through ktx's settings.
 */
export function claudeCodeIgnoredSettings(
  config: Pick<ResolvedLlmConfig, 'promptCaching' | 'vertex'>,
): string[] {
  const ignored: string[] = [];
  const caching = config.promptCaching;
  if (caching.enabled) {
    if (caching.toolsTtl !== caching.systemTtl) ignored.push('llm.promptCaching.toolsTtl');
    if (caching.historyTtl !== caching.systemTtl) ignored.push('llm.promptCaching.historyTtl');
  }
  if (caching.vertexFallbackTo5m) ignored.push('llm.promptCaching.vertexFallbackTo5m');
  if (config.vertex !== undefined) ignored.push('llm.provider.vertex');
  return ignored;
}

/** Why those settings are ignored; status and setup print it next to the list. */
export const CLAUDE_CODE_IGNORED_SETTINGS_REASON =
  'Claude Code applies one prompt-cache TTL (llm.promptCaching.systemTtl) to the whole conversation and has no Vertex fallback.';
