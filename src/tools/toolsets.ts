import { connectionListTool } from './connection-list-tool.js';
import { dictionarySearchTool } from './dictionary-search-tool.js';
import { discoverDataTool } from './discover-data-tool.js';
import { entityDetailsTool } from './entity-details-tool.js';
import type { AnyKtxTool, ToolOutput } from './ktx-tool.js';
import { slQueryTool } from './sl-query-tool.js';
import { slReadSourceTool } from './sl-read-source-tool.js';
import { sqlExecutionTool } from './sql-execution-tool.js';
import type { ToolContext } from './tool-context.js';
import { toolErrorText } from './tool-error.js';
import { wikiReadTool } from './wiki-read-tool.js';
import { wikiSearchTool } from './wiki-search-tool.js';

/** Every read-only analyst tool, in the order a model should learn them (discover → read → query). */
export const ANALYST_TOOLS: readonly AnyKtxTool[] = [
  connectionListTool,
  discoverDataTool,
  entityDetailsTool,
  dictionarySearchTool,
  wikiSearchTool,
  wikiReadTool,
  slReadSourceTool,
  slQueryTool,
  sqlExecutionTool,
];

/** A tool bound to a context: structurally an `LlmToolDescriptor` of `src/llm/port.ts`. */
export interface BoundTool {
  name: string;
  description: string;
  inputSchema: AnyKtxTool['inputSchema'];
  execute(input: unknown, call: { signal: AbortSignal; toolCallId: string }): Promise<ToolOutput>;
}

/**
 * Binds tools to a project context for an LLM agent loop. A failure is re-thrown as an Error whose
 * message carries the fix, because the loop bridges show the model only the message.
 */
export function bindTools(tools: readonly AnyKtxTool[], context: ToolContext): Record<string, BoundTool> {
  return Object.fromEntries(
    tools.map((tool) => [
      tool.name,
      {
        name: tool.name,
        description: tool.description,
        inputSchema: tool.inputSchema,
        async execute(input: unknown, call: { signal: AbortSignal; toolCallId: string }) {
          try {
            return await tool.execute(tool.inputSchema.parse(input), { ...context, ...call });
          } catch (error) {
            throw new Error(toolErrorText(tool.name, error).text, { cause: error });
          }
        },
      } satisfies BoundTool,
    ]),
  );
}
