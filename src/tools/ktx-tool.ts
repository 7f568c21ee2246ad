import type { z } from 'zod';
import type { ToolContext } from './tool-context.js';

/** What a tool returns: Markdown for a model to read, and the same facts as JSON for programs. */
export interface ToolOutput {
  markdown: string;
  structured?: Record<string, unknown>;
}

/** The context of one call: the shared project context plus this call's cancellation and id. */
export interface ToolCallContext extends ToolContext {
  signal: AbortSignal;
  toolCallId: string;
}

/** MCP tool annotations (hints to clients; every ktx tool only reads). */
export interface ToolAnnotations {
  title: string;
  readOnlyHint: true;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * One agent tool, described once. The shape matches `LlmToolDescriptor` of `src/llm/port.ts` once
 * bound to a context (`bindTools`), and the MCP server registers it as is. A failure is a thrown
 * `KtxError` whose message names the problem (with "did you mean" where names are involved) and whose
 * `fix` says what to call instead; the callers turn it into an error result, never a protocol fault.
 */
export interface KtxTool<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  description: string;
  inputSchema: z.ZodObject<Shape>;
  annotations: ToolAnnotations;
  execute(input: z.infer<z.ZodObject<Shape>>, context: ToolCallContext): Promise<ToolOutput>;
}

// biome-ignore lint/suspicious/noExplicitAny: a tool list mixes tools of different input shapes.
export type AnyKtxTool = KtxTool<any>;

/** Identity helper that infers the input type of `execute` from the schema. */
export function defineTool<Shape extends z.ZodRawShape>(tool: KtxTool<Shape>): KtxTool<Shape> {
  return tool;
}
