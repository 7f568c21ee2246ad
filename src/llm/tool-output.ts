import type { LlmToolOutput } from './port.js';

/**
 * One shape for whatever a tool returned: an object with a string `markdown` is kept (with its
 * `structured` when present), a string becomes the Markdown, anything else is shown to the model as
 * fenced pretty JSON and handed to callers as `structured`.
 */
export function normalizeToolOutput(value: unknown): LlmToolOutput {
  if (typeof value === 'string') return { markdown: value };
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { markdown?: unknown }).markdown === 'string'
  ) {
    const { markdown, structured } = value as { markdown: string; structured?: unknown };
    return structured === undefined ? { markdown } : { markdown, structured };
  }
  const json = JSON.stringify(value ?? null, null, 2) ?? 'null';
  return { markdown: `\`\`\`json\n${json}\n\`\`\``, structured: value };
}
