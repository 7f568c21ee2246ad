import { type ToolSet, tool } from 'ai';
import { isAbortError } from '../abort.js';
import type { LlmToolOutput, LlmToolSet } from '../port.js';
import { normalizeToolOutput } from '../tool-output.js';
import { type CacheTtls, cacheMarker } from './prompt-caching.js';

export interface BridgeToolsOptions {
  /** The loop's signal; tools receive it so a long tool stops with the loop. */
  signal?: AbortSignal;
  ttls?: CacheTtls;
  onToolCalled?: (name: string, ok: boolean, durationMs: number) => void;
}

/**
 * Our tool descriptors as AI SDK tools. Names are sorted so the request is byte-stable between
 * calls (a reordered tool list would miss the prompt cache), and the last tool carries the tools
 * cache breakpoint. The model reads the Markdown; `structured` stays for callers.
 */
export function bridgeTools(tools: LlmToolSet, options: BridgeToolsOptions = {}): ToolSet {
  const names = Object.keys(tools).sort();
  const bridged: ToolSet = {};
  names.forEach((name, index) => {
    const descriptor = tools[name];
    if (!descriptor) return;
    const marked = options.ttls && index === names.length - 1;
    bridged[name] = tool({
      description: descriptor.description,
      inputSchema: descriptor.inputSchema,
      ...(marked && options.ttls ? { providerOptions: cacheMarker(options.ttls.tools) } : {}),
      execute: async (input: unknown, { toolCallId, abortSignal }): Promise<LlmToolOutput> => {
        const started = performance.now();
        const signal = abortSignal ?? options.signal ?? new AbortController().signal;
        try {
          const output = normalizeToolOutput(
            await descriptor.execute(input as never, { signal, toolCallId }),
          );
          options.onToolCalled?.(name, true, performance.now() - started);
          return output;
        } catch (error) {
          if (!isAbortError(error)) options.onToolCalled?.(name, false, performance.now() - started);
          // The AI SDK hands the message back to the model as a tool error; the loop goes on.
          throw error;
        }
      },
      toModelOutput: ({ output }) => ({ type: 'text', value: (output as LlmToolOutput).markdown }),
    });
  });
  return bridged;
}
