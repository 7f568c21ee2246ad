import type { LlmBackend } from '../../app/index.js';
import type { LlmSetupInput } from '../../app/llm/index.js';
import { didYouMean, KtxError } from '../../core/index.js';
import type { SetupOptions } from './setup-options.js';

type KeyFlags = { env?: string; file?: string; envFlag: string; fileFlag: string };

function usage(message: string, fix: string): KtxError {
  return new KtxError('invalid_argument', message, { fix });
}

function keyReference(flags: KeyFlags): string | undefined {
  if (flags.env && flags.file) {
    throw usage(
      `Choose one key source: ${flags.envFlag} or ${flags.fileFlag}, not both.`,
      `Drop one of ${flags.envFlag} / ${flags.fileFlag}.`,
    );
  }
  if (flags.env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(flags.env)) {
      throw usage(
        `${flags.envFlag} \`${flags.env}\` is not an environment variable name.`,
        `Pass the variable's name, e.g. ${flags.envFlag} ANTHROPIC_API_KEY.`,
      );
    }
    return `env:${flags.env}`;
  }
  return flags.file ? `file:${flags.file}` : undefined;
}

/** Infers the backend from backend-specific flags when --llm-backend is absent (as the reference did). */
function inferBackend(options: SetupOptions): LlmBackend | undefined {
  if (options.vertexProject || options.vertexLocation) return 'vertex';
  if (options.anthropicApiKeyEnv || options.anthropicApiKeyFile) return 'anthropic';
  if (options.openaiApiKeyEnv || options.openaiApiKeyFile || options.openaiBaseUrl) return 'openai';
  return undefined;
}

function requireOnly(
  backend: LlmBackend,
  allowed: readonly LlmBackend[],
  given: boolean,
  flags: string,
): void {
  if (given && !allowed.includes(backend)) {
    throw usage(
      `${flags} only apply to --llm-backend ${allowed.join(' or ')}, not ${backend}.`,
      `Drop ${flags}, or pass --llm-backend ${allowed[0]}.`,
    );
  }
}

/**
 * The LLM part of `ktx setup` flags: backend (given or inferred), default model, endpoint, key
 * reference and Vertex settings, with every contradiction rejected before anything is written.
 */
export function llmInputFromFlags(
  options: SetupOptions,
  backends: readonly string[],
): LlmSetupInput | undefined {
  if (options.skipLlm) return undefined;
  const raw = options.llmBackend ?? inferBackend(options);
  if (!raw) {
    if (options.llmModel || options.llmBaseUrl || options.llmApiKeyEnv || options.llmApiKeyFile) {
      throw new KtxError('missing_input', 'Missing --llm-backend for the LLM flags given.', {
        fix: `Pass --llm-backend <${backends.join('|')}>.`,
      });
    }
    return undefined;
  }
  if (!backends.includes(raw)) {
    throw usage(
      `--llm-backend \`${raw}\` is not supported${didYouMean(raw, backends)}.`,
      `Use one of: ${backends.join(', ')}.`,
    );
  }
  const backend = raw as LlmBackend;
  if (backend === 'none') return { backend };
  requireOnly(
    backend,
    ['anthropic'],
    Boolean(options.anthropicApiKeyEnv || options.anthropicApiKeyFile),
    '--anthropic-api-key-*',
  );
  requireOnly(
    backend,
    ['openai', 'openai-compatible'],
    Boolean(options.openaiBaseUrl || options.openaiApiKeyEnv || options.openaiApiKeyFile),
    '--openai-*',
  );
  requireOnly(backend, ['vertex'], Boolean(options.vertexProject || options.vertexLocation), '--vertex-*');
  if (!options.llmModel) {
    throw new KtxError('missing_input', `Missing --llm-model for --llm-backend ${backend}.`, {
      fix: `Pass --llm-model <model>, e.g. ${EXAMPLE_MODEL[backend]}.`,
    });
  }
  const apiKeyRef =
    keyReference({
      env: options.llmApiKeyEnv,
      file: options.llmApiKeyFile,
      envFlag: '--llm-api-key-env',
      fileFlag: '--llm-api-key-file',
    }) ??
    keyReference({
      env: options.anthropicApiKeyEnv,
      file: options.anthropicApiKeyFile,
      envFlag: '--anthropic-api-key-env',
      fileFlag: '--anthropic-api-key-file',
    }) ??
    keyReference({
      env: options.openaiApiKeyEnv,
      file: options.openaiApiKeyFile,
      envFlag: '--openai-api-key-env',
      fileFlag: '--openai-api-key-file',
    });
  const baseUrl = options.llmBaseUrl ?? options.openaiBaseUrl;
  if (backend === 'openai-compatible' && !baseUrl) {
    throw new KtxError('missing_input', 'Missing --llm-base-url for --llm-backend openai-compatible.', {
      fix: 'Pass the server’s OpenAI-compatible endpoint, e.g. --llm-base-url http://127.0.0.1:11434/v1 (Ollama).',
    });
  }
  return {
    backend,
    model: options.llmModel,
    ...(baseUrl ? { baseUrl } : {}),
    ...(apiKeyRef ? { apiKeyRef } : {}),
    ...(backend === 'vertex'
      ? {
          vertex: {
            ...(options.vertexProject ? { project: options.vertexProject } : {}),
            ...(options.vertexLocation ? { location: options.vertexLocation } : {}),
          },
        }
      : {}),
  };
}

/** One example model per backend, for "missing --llm-model" fixes and the wizard's placeholder. */
export const EXAMPLE_MODEL: Record<LlmBackend, string> = {
  none: '',
  anthropic: 'claude-sonnet-4-6',
  vertex: 'claude-sonnet-4-6',
  gateway: 'anthropic/claude-sonnet-4.6',
  openai: 'gpt-5.5',
  'openai-compatible': 'llama3.1:8b',
  'claude-code': 'sonnet',
  codex: 'gpt-5.5',
};
