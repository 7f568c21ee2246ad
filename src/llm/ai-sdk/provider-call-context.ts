import { AsyncLocalStorage } from 'node:async_hooks';
import type { LlmRuntimeEvent } from '../port.js';

/**
 * What the fetch layer needs to know about the runtime call a request belongs to. The AI SDK calls
 * our fetch from inside generateText, so AsyncLocalStorage carries it there without threading it
 * through the SDK.
 */
export interface ProviderCallContext {
  role: string;
  operation: string;
  tags?: Record<string, string>;
  onEvent?: (event: LlmRuntimeEvent) => void;
  /** HTTP attempts made for the most recent request (for "after N attempts" messages). */
  attempts: number;
  /** Requests sent during this call, retries included. */
  requests: number;
}

export const providerCallContext = new AsyncLocalStorage<ProviderCallContext>();
