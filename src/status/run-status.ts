import type { CheckResult, StatusCheck, StatusContext } from './check-result.js';
import { agentsConfigured } from './checks/agents-configured.js';
import { configValid } from './checks/config-valid.js';
import { connectionsReachable } from './checks/connections-reachable.js';
import { contextBuilt } from './checks/context-built.js';
import { embeddingsConfigured } from './checks/embeddings-configured.js';
import { llmConfigured } from './checks/llm-configured.js';

export type Verdict = 'ready' | 'partial' | 'blocked';

export interface StatusReport {
  project: string;
  verdict: Verdict;
  checks: CheckResult[];
}

/** Every check, in display order. Adding a check is adding a file and a line here. */
export const STATUS_CHECKS: readonly StatusCheck[] = [
  configValid,
  connectionsReachable,
  llmConfigured,
  embeddingsConfigured,
  contextBuilt,
  agentsConfigured,
];

/** `ktx status --validate`: the config alone, no I/O beyond reading ktx.yaml. */
export const VALIDATE_CHECKS: readonly StatusCheck[] = [configValid];

export function verdictOf(checks: readonly CheckResult[]): Verdict {
  if (checks.some((check) => check.level === 'fail')) return 'blocked';
  if (checks.some((check) => check.level === 'warn')) return 'partial';
  return 'ready';
}

export async function runStatus(
  context: StatusContext,
  checks: readonly StatusCheck[] = STATUS_CHECKS,
): Promise<StatusReport> {
  const results = (await Promise.all(checks.map((check) => check(context)))).flat();
  return { project: context.projectDir, verdict: verdictOf(results), checks: results };
}
