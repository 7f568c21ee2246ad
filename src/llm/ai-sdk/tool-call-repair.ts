import type { ToolCallRepairFunction, ToolSet } from 'ai';
import { isAbortError } from '../abort.js';
import { repairJsonText } from '../json-repair.js';
import type { LlmToolSet } from '../port.js';

export interface ToolCallRepairOptions {
  tools: LlmToolSet;
  /** Asks the `repair` role; returns its raw answer. */
  askRepairModel: (system: string, prompt: string) => Promise<string>;
}

const REPAIR_SYSTEM =
  'You fix tool-call arguments. Answer with one JSON object that matches the given JSON Schema and nothing else: no prose, no code fence.';

/**
 * Repairs a tool call whose arguments did not parse or validate: local JSON repair first (no model
 * call), then one request to the `repair` role. Unknown tools are not repaired (the model gets the
 * error and may pick another tool). Returns null when neither works; the SDK then reports the error
 * to the model as a failed tool call.
 */
export function createToolCallRepair(options: ToolCallRepairOptions): ToolCallRepairFunction<ToolSet> {
  return async ({ toolCall, error, inputSchema }) => {
    if (error.name === 'AI_NoSuchToolError') return null;
    const descriptor = options.tools[toolCall.toolName];
    if (!descriptor) return null;
    const accepted = (value: unknown) => descriptor.inputSchema.safeParse(value).success;
    const local = repairJsonText(toolCall.input);
    if (local && accepted(local.value)) return { ...toolCall, input: JSON.stringify(local.value) };
    try {
      const schema = await inputSchema({ toolName: toolCall.toolName });
      const prompt = [
        `Tool: ${toolCall.toolName}`,
        `Arguments as sent: ${toolCall.input}`,
        `Problem: ${error.message}`,
        `JSON Schema: ${JSON.stringify(schema)}`,
      ].join('\n');
      const answer = repairJsonText(await options.askRepairModel(REPAIR_SYSTEM, prompt));
      if (answer && accepted(answer.value)) return { ...toolCall, input: JSON.stringify(answer.value) };
    } catch (repairError) {
      if (isAbortError(repairError)) throw repairError;
    }
    return null;
  };
}
