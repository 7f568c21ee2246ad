import { KtxError } from '../../../core/index.js';

/** What `codex` and `default` stand for: a model both ChatGPT sign-in and API-key auth can use. */
export const DEFAULT_CODEX_MODEL = 'gpt-5.5';

// `gpt-5.5`, `gpt-5.4-mini`, `codex-mini-latest`: a family prefix, then a letter or digit, then the
// characters OpenAI model ids use. Anything else (a Claude alias, a path, a blank) is a config mistake.
const CODEX_MODEL_ID = /^(?:gpt|codex)-[a-z0-9][a-z0-9._-]*$/i;

/**
 * The concrete model id Codex is asked for. SDK-free, so setup and status validate `llm.models.*`
 * without loading the Codex SDK.
 */
export function resolveCodexModel(id: string): string {
  const trimmed = id.trim();
  const lowered = trimmed.toLowerCase();
  if (lowered === 'codex' || lowered === 'default') return DEFAULT_CODEX_MODEL;
  if (CODEX_MODEL_ID.test(trimmed)) return trimmed;
  throw new KtxError('llm_config', `Codex cannot use the model "${trimmed}".`, {
    fix: `Set llm.models.<role> to codex, default (both mean ${DEFAULT_CODEX_MODEL}) or a gpt-* / codex-* model id.`,
    data: { backend: 'codex', model: trimmed },
  });
}
