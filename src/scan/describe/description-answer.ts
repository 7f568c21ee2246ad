import { z } from 'zod';

/**
 * What the model returns for one table (or one slice of a wide table's columns). Columns are a list
 * rather than a name-keyed record: every provider's JSON mode accepts arrays of objects, while
 * open-ended records are refused by strict schema modes.
 */
export const descriptionAnswerSchema = z.object({
  table: z.string(),
  columns: z.array(z.object({ name: z.string(), description: z.string() })),
});
export type DescriptionAnswer = z.infer<typeof descriptionAnswerSchema>;

const MAX_CHARS = 400;
/** Texts that report a failure or say nothing; they never reach a manifest. */
const EMPTY_OR_ERROR =
  /^(?:n\/?a|none|null|unknown|tbd|todo|-+|\.+|error\b.*|failed to generate.*|(?:an )?error (?:occurred|generating).*)$/i;

/** A description fit for a manifest: one line, trimmed, capped; undefined when it says nothing. */
export function cleanDescription(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '' || EMPTY_OR_ERROR.test(line)) return undefined;
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1).trimEnd()}…` : line;
}
