import {
  CLAUDE_CODE_IGNORED_SETTINGS_REASON,
  claudeCodeIgnoredSettings,
} from './backends/claude-code/claude-code-ignored-settings.js';
import { codexIsolationNotes } from './backends/codex/codex-cli-launcher.js';
import { DEFAULT_PROMPT_CACHING, type LlmPromptCaching, type ResolvedLlmConfig } from './port.js';

const DEFAULTS = DEFAULT_PROMPT_CACHING;

function changedTtlFields(caching: LlmPromptCaching): string[] {
  return (['systemTtl', 'toolsTtl', 'historyTtl'] as const).filter((key) => caching[key] !== DEFAULTS[key]);
}

/**
 * One line per `llm.promptCaching` setting the configured backend will not honour, for `ktx status`
 * and setup (the reference silently ignored them, R35). Settings still at their defaults are not
 * reported: the user did not ask for anything.
 */
export function describeIgnoredLlmSettings(config: ResolvedLlmConfig): string[] {
  const caching = config.promptCaching;
  const changed = changedTtlFields(caching);
  const lines: string[] = [];
  const fields = (keys: string[]) => keys.map((key) => `llm.promptCaching.${key}`).join(', ');
  switch (config.backend) {
    case 'anthropic':
    case 'gateway': {
      if (config.backend === 'gateway' && caching.enabled) {
        const model = config.models.default;
        if (!model.startsWith('anthropic/') && !model.includes('claude'))
          lines.push(
            `gateway model ${model} is not a Claude model: llm.promptCaching markers are not sent for it.`,
          );
      }
      break;
    }
    case 'vertex':
      if (
        caching.enabled &&
        caching.vertexFallbackTo5m &&
        [caching.systemTtl, caching.toolsTtl].includes('1h')
      )
        lines.push('vertex sends every cache TTL as 5m because llm.promptCaching.vertexFallbackTo5m is on.');
      break;
    case 'openai':
    case 'openai-compatible':
      if (changed.length > 0)
        lines.push(
          `${config.backend} ignores ${fields(changed)}: OpenAI-style APIs cache long prompts on their own.`,
        );
      if (!caching.enabled && config.backend === 'openai')
        lines.push('openai ignores llm.promptCaching.enabled: false; OpenAI caching cannot be switched off.');
      break;
    case 'claude-code': {
      // The backend knows what it honours; report only what the user changed from the defaults.
      const ignored = claudeCodeIgnoredSettings(config).filter((path) => {
        const key = path.replace('llm.promptCaching.', '') as keyof LlmPromptCaching;
        return !path.startsWith('llm.promptCaching.') || caching[key] !== DEFAULTS[key];
      });
      if (ignored.length > 0)
        lines.push(`claude-code ignores ${ignored.join(', ')}: ${CLAUDE_CODE_IGNORED_SETTINGS_REASON}`);
      break;
    }
    case 'codex':
      if (changed.length > 0)
        lines.push(`codex ignores ${fields(changed)}: the Codex CLI manages its own prompt cache.`);
      if (!caching.enabled) lines.push('codex ignores llm.promptCaching.enabled: false.');
      // Isolation the platform cannot give (Windows runs the CLI without ktx's flag wrapper).
      lines.push(...codexIsolationNotes());
      break;
  }
  if (
    caching.vertexFallbackTo5m !== DEFAULTS.vertexFallbackTo5m &&
    config.backend !== 'vertex' &&
    config.backend !== 'claude-code'
  )
    lines.push(`${config.backend} ignores llm.promptCaching.vertexFallbackTo5m (it applies to vertex only).`);
  // Anthropic requires longer-TTL breakpoints before shorter ones: tools, then system, then history.
  const order = { '1h': 2, '5m': 1 } as const;
  if (
    caching.enabled &&
    ['anthropic', 'gateway'].includes(config.backend) &&
    (order[caching.toolsTtl] < order[caching.systemTtl] ||
      order[caching.systemTtl] < order[caching.historyTtl])
  ) {
    lines.push(
      'llm.promptCaching TTLs must not grow from tools to system to history (Anthropic rejects a 1h breakpoint after a 5m one).',
    );
  }
  return lines;
}
