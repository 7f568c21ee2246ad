// The LLM facade of the app layer; re-exported by ../index.ts. Heavy modules (AI SDK, agent SDKs)
// load only when a function here is called.

export { parseModelRole } from './parse-model-role.js';
export {
  DEFAULT_KEY_ENV,
  describeKeySource,
  type ResolveLlmOptions,
  resolveLlmConfig,
} from './resolve-llm-config.js';
export { type LlmSetupInput, type LlmSetupResult, planLlmSetup } from './setup-llm.js';
export { type TestLlmInput, type TestLlmResult, testLlm } from './test-llm.js';
