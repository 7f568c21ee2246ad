export { abortableSleep, createAbortError, isAbortError, linkAbortSignal, throwIfAborted } from './abort.js';
export {
  classifyLlmError,
  inspectLlmError,
  type LlmErrorContext,
  llmFailureKind,
} from './classify-llm-error.js';
export { createLlmRuntime } from './create-llm-runtime.js';
export { createDebugRecorder, type LlmDebugRecord, type LlmDebugRecorder } from './debug-recorder.js';
export { describeIgnoredLlmSettings } from './describe-ignored-llm-settings.js';
export { detectLlmSdk, type LlmSdkDetection } from './detect-llm-sdk.js';
// Embedding backends (search engineer): the embedding port and its providers.
export * from './embeddings/index.js';
export { repairJsonText } from './json-repair.js';
export { type ModelIdCheck, validateModelId } from './model-ids.js';
export { modelForRole } from './model-roles.js';
export * from './port.js';
export {
  type LlmProbeOptions,
  type LlmProbeResult,
  PROBE_PROMPT,
  PROBE_TIMEOUT_MS,
  probeLlm,
} from './probe-llm.js';
export {
  createRateLimitGovernor,
  type GovernorClock,
  type RateLimitGovernorOptions,
  systemClock,
} from './rate-limit-governor.js';
export { retryAfterMsFromHeaders, utilizationFromHeaders } from './rate-limit-headers.js';
export { normalizeToolOutput } from './tool-output.js';
