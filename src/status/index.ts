export type {
  CheckArea,
  CheckLevel,
  CheckResult,
  EmbeddingReadiness,
  LlmReadiness,
  ReadinessProblem,
  SemanticLayerSummary,
  StatusCheck,
  StatusContext,
} from './check-result.js';
export {
  runStatus,
  STATUS_CHECKS,
  type StatusReport,
  VALIDATE_CHECKS,
  type Verdict,
  verdictOf,
} from './run-status.js';
