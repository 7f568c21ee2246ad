import { z } from 'zod';
import { repairJsonText } from '../../json-repair.js';

export type StructuredParse<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads the caller's object out of a model answer with the shared local repair (fences, prose around
 * the document, trailing commas, truncation), then validates it with the caller's schema. No model
 * call happens here; the runtime asks the `repair` role when this fails.
 */
export function parseStructuredOutput<T>(text: string, schema: z.ZodType<T>): StructuredParse<T> {
  const document = repairJsonText(text);
  if (!document) return { ok: false, problem: 'the answer contains no JSON document' };
  const checked = schema.safeParse(document.value);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, problem: z.prettifyError(checked.error).replace(/\s*\n\s*/g, '; ') };
}

/** The prompt the `repair` role gets: the schema, the broken answer and what was wrong with it. */
export function repairPrompt(jsonSchema: unknown, answer: string, problem: string): string {
  return [
    'The JSON document below does not match the JSON Schema it must follow.',
    `Problem: ${problem}`,
    `JSON Schema:\n${JSON.stringify(jsonSchema)}`,
    `Document:\n${answer}`,
    'Reply with the corrected JSON document only: no prose, no Markdown fence.',
  ].join('\n\n');
}
