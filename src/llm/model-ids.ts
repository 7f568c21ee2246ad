import { KtxError } from '../core/index.js';
import { resolveClaudeCodeModel } from './backends/claude-code/claude-code-models.js';
import { resolveCodexModel } from './backends/codex/codex-models.js';
import type { LlmBackendName } from './port.js';

export type ModelIdCheck = { ok: true; model: string } | { ok: false; error: KtxError };

/**
 * Checks a configured model id for `backend` without loading any SDK (setup and status call it).
 * Claude Code and Codex have their own accepted forms; API backends take any non-empty id without
 * whitespace, since their model lists change faster than ktx releases.
 */
export function validateModelId(backend: Exclude<LlmBackendName, 'none'>, id: string): ModelIdCheck {
  try {
    if (backend === 'claude-code') return { ok: true, model: resolveClaudeCodeModel(id) };
    if (backend === 'codex') return { ok: true, model: resolveCodexModel(id) };
  } catch (error) {
    if (error instanceof KtxError) return { ok: false, error };
    throw error;
  }
  const trimmed = id.trim();
  if (trimmed.length > 0 && !/\s/.test(trimmed)) return { ok: true, model: trimmed };
  return {
    ok: false,
    error: new KtxError('llm_config', `"${id}" is not a model id ${backend} can be asked for.`, {
      fix: `Set llm.models.<role> to the provider's model id as one word without spaces (e.g. ${exampleModel(backend)}).`,
      data: { backend, model: id },
    }),
  };
}

function exampleModel(backend: Exclude<LlmBackendName, 'none' | 'claude-code' | 'codex'>): string {
  switch (backend) {
    case 'anthropic':
    case 'vertex':
      return 'claude-sonnet-4-5';
    case 'gateway':
      return 'anthropic/claude-sonnet-4-5';
    case 'openai':
      return 'gpt-5.1';
    case 'openai-compatible':
      return 'llama3.1:8b';
  }
}
