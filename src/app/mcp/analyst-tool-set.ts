import type { LlmToolSet } from '../../llm/port.js';
import { ANALYST_TOOLS, bindTools, type ToolContext } from '../../tools/index.js';

/**
 * The analyst tools bound to a project context as an LLM tool set, for agent loops. Typed as
 * `LlmToolSet` here so a drift between the tools' shape and the LLM port fails to compile.
 */
export function analystToolSet(context: ToolContext): LlmToolSet {
  return bindTools(ANALYST_TOOLS, context);
}
