import { isAbsolute, relative, resolve } from 'node:path';
import { KtxError } from '../../core/index.js';
import { createLlmRuntime, probeLlm, validateModelId } from '../../llm/index.js';
import type { ConfigEdit, KtxConfig, LlmBackend } from '../../project/index.js';
import { resolveLlmConfig } from './resolve-llm-config.js';

/** The LLM part of `ktx setup`, as flags or the wizard gave it. */
export interface LlmSetupInput {
  backend: LlmBackend;
  model?: string;
  baseUrl?: string;
  /** `env:NAME` or `file:PATH` (PATH as typed, relative to the cwd). */
  apiKeyRef?: string;
  vertex?: { project?: string; location?: string };
}

export interface LlmSetupResult {
  backend: LlmBackend;
  model?: string;
  probe?: { ms: number; model: string };
}

interface PlanContext {
  projectDir: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  current: KtxConfig;
  skipTest: boolean;
}

/** A key file the user typed relative to where they stand is stored relative to the project. */
function storedKeyRef(ref: string, cwd: string, projectDir: string): string {
  if (!ref.startsWith('file:')) return ref;
  const raw = ref.slice(5);
  if (raw.startsWith('~')) return ref;
  const absolute = isAbsolute(raw) ? raw : resolve(cwd, raw);
  const inside = relative(projectDir, absolute);
  return `file:${inside.startsWith('..') || isAbsolute(inside) ? absolute : inside}`;
}

function providerEntry(input: LlmSetupInput, keyRef: string | undefined): Record<string, string> {
  const entry: Record<string, string> = {};
  if (input.backend === 'vertex') {
    if (input.vertex?.project) entry.project = input.vertex.project;
    if (input.vertex?.location) entry.location = input.vertex.location;
  } else if (keyRef) entry.api_key = keyRef;
  if (input.baseUrl) entry.base_url = input.baseUrl;
  return entry;
}

/**
 * Checks the LLM choice the way the runtime will use it — model id accepted by the backend, key
 * resolvable, and (unless --skip-test) a live probe — and only then returns the config edits. A
 * failure throws before anything is written, so a bad key never lands in ktx.yaml.
 */
export async function planLlmSetup(
  input: LlmSetupInput,
  context: PlanContext,
): Promise<{ edits: ConfigEdit[]; result: LlmSetupResult }> {
  if (input.backend === 'none') {
    return { edits: [{ path: ['llm', 'provider', 'backend'], value: 'none' }], result: { backend: 'none' } };
  }
  const model = input.model;
  if (!model) {
    throw new KtxError('missing_input', `Missing --llm-model for --llm-backend ${input.backend}.`, {
      fix: 'Pass --llm-model <model>.',
    });
  }
  validateModelId(input.backend, model);
  const keyRef = input.apiKeyRef ? storedKeyRef(input.apiKeyRef, context.cwd, context.projectDir) : undefined;
  const entry = providerEntry(input, keyRef);
  const candidate: KtxConfig = {
    ...context.current,
    llm: {
      ...context.current.llm,
      provider: { ...context.current.llm.provider, backend: input.backend, [input.backend]: entry },
      models: { ...context.current.llm.models, default: model },
    },
  };
  const resolved = resolveLlmConfig(candidate, { projectDir: context.projectDir, env: context.env });
  const result: LlmSetupResult = { backend: input.backend, model };
  if (resolved && !context.skipTest) {
    const runtime = await createLlmRuntime(resolved);
    try {
      const probe = await probeLlm(runtime, { timeoutMs: 60_000 });
      if (!probe.ok) {
        const error = probe.error;
        throw new KtxError(
          (error?.code as 'llm_provider_error') ?? 'llm_provider_error',
          `The ${input.backend} LLM probe failed, so ktx.yaml was not changed: ${error?.message ?? 'no answer'}`,
          { fix: error?.fix ?? 'Check the model and credentials, or pass --skip-test to write it anyway.' },
        );
      }
      result.probe = { ms: probe.ms, model: runtime.modelFor('default') };
    } finally {
      await runtime.close();
    }
  }
  const edits: ConfigEdit[] = [
    { path: ['llm', 'provider', 'backend'], value: input.backend },
    { path: ['llm', 'models', 'default'], value: model },
  ];
  if (Object.keys(entry).length > 0) edits.push({ path: ['llm', 'provider', input.backend], value: entry });
  return { edits, result };
}
