import { toKtxError } from '../core/index.js';

/**
 * The text a model reads when a tool fails: what went wrong (with "did you mean" where the message
 * has it) and what to do instead. Unknown throws are reported as internal without their stack.
 */
export function toolErrorText(toolName: string, error: unknown): { text: string; code: string } {
  const problem = toKtxError(error);
  const fix =
    problem.fix ?? (problem.code === 'internal' ? 'This is a ktx bug; try another tool.' : undefined);
  return {
    code: problem.code,
    text: `${toolName} failed (${problem.code}): ${problem.message}${fix ? `\nFix: ${fix}` : ''}`,
  };
}
