import { KtxError } from '../../../core/index.js';

/** Short names Claude Code itself resolves to the newest model of that family the sign-in may use. */
export const CLAUDE_CODE_MODEL_ALIASES = ['sonnet', 'opus', 'haiku'] as const;

// A full Claude model id: `claude-` then lowercase words, digits, dots and dashes (e.g.
// `claude-sonnet-4-5`, `claude-opus-4-1-20250805`). Dated ids are allowed: they pin a snapshot.
const CLAUDE_MODEL_ID = /^claude-[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * The model id handed to Claude Code for a configured value. Aliases stay aliases: the CLI maps them
 * to the newest model of the family the user's plan allows, where a table here would go stale (the
 * reference hard-coded one). Anything else fails with the accepted forms named.
 */
export function resolveClaudeCodeModel(id: string): string {
  const value = id.trim().toLowerCase();
  if ((CLAUDE_CODE_MODEL_ALIASES as readonly string[]).includes(value)) return value;
  if (CLAUDE_MODEL_ID.test(value)) return value;
  throw new KtxError('llm_config', `Claude Code cannot use model "${id.trim()}".`, {
    fix: 'Set llm.models.<role> to sonnet, opus, haiku or a claude-* model id (e.g. claude-sonnet-4-5).',
    data: { backend: 'claude-code', model: id },
  });
}
