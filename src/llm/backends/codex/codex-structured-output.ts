import { z } from 'zod';

export type StructuredParse<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads the caller's object out of a model answer, repairing locally first: the whole text, then
 * the text without a Markdown fence, then the first balanced-looking `{…}` / `[…]` slice that parses.
 * The first candidate that parses is validated with the caller's schema; no model call happens here.
 */
export function parseStructuredOutput<T>(text: string, schema: z.ZodType<T>): StructuredParse<T> {
  let lastProblem = 'the answer contains no JSON document';
  for (const candidate of jsonCandidates(text)) {
    const document = parseLenient(candidate);
    if (document === NOT_JSON) continue;
    const checked = schema.safeParse(document);
    if (checked.success) return { ok: true, value: checked.data };
    lastProblem = z.prettifyError(checked.error).replace(/\s*\n\s*/g, '; ');
  }
  return { ok: false, problem: lastProblem };
}

const MAX_SLICES = 200;
const NOT_JSON = Symbol('not json');

/** JSON.parse, then once more without trailing commas (`{"a": 1,}`), the slip models make most. */
function parseLenient(candidate: string): unknown {
  try {
    return JSON.parse(candidate);
  } catch {
    try {
      return JSON.parse(candidate.replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return NOT_JSON;
    }
  }
}

function* jsonCandidates(text: string): Generator<string> {
  const trimmed = text.trim();
  yield trimmed;
  // ```json … ``` around the document
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1]) yield fenced[1].trim();
  // prose around the document: try each opening bracket with each later closing one, longest first,
  // capped so a long answer with many brackets cannot make this quadratic in JSON.parse calls
  let budget = MAX_SLICES;
  for (let start = 0; start < trimmed.length && budget > 0; start += 1) {
    const open = trimmed[start];
    if (open !== '{' && open !== '[') continue;
    const close = open === '{' ? '}' : ']';
    for (
      let end = trimmed.lastIndexOf(close);
      end > start && budget > 0;
      end = trimmed.lastIndexOf(close, end - 1)
    ) {
      budget -= 1;
      yield trimmed.slice(start, end + 1);
    }
  }
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
