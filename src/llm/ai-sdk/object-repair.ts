import { type ZodType, z } from 'zod';
import { KtxError } from '../../core/index.js';
import { repairJsonText } from '../json-repair.js';

export interface ObjectRepairOptions {
  askRepairModel: (system: string, prompt: string) => Promise<string>;
  cause: unknown;
}

const REPAIR_SYSTEM =
  'You fix JSON documents. Answer with one JSON value that matches the given JSON Schema and nothing else: no prose, no code fence.';

function schemaText(schema: ZodType): string {
  try {
    return JSON.stringify(z.toJSONSchema(schema));
  } catch {
    return '(schema not expressible as JSON Schema)';
  }
}

function issuesOf(schema: ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? ''
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/**
 * Structured output that failed to parse or validate: repaired locally (fences, prose, trailing
 * commas, truncation), then by the `repair` role, then reported as `llm_invalid_output` naming
 * what was wrong. The caller's schema has the last word every time.
 */
export async function repairObjectOutput<T>(
  raw: string,
  schema: ZodType<T>,
  options: ObjectRepairOptions,
): Promise<T> {
  const local = repairJsonText(raw);
  if (local) {
    const parsed = schema.safeParse(local.value);
    if (parsed.success) return parsed.data;
  }
  const problem = local ? issuesOf(schema, local.value) : 'not parseable as JSON';
  const answer = await options.askRepairModel(
    REPAIR_SYSTEM,
    [`JSON Schema: ${schemaText(schema)}`, `Problem: ${problem}`, 'Document:', raw.slice(0, 20_000)].join(
      '\n',
    ),
  );
  const repaired = repairJsonText(answer);
  if (repaired) {
    const parsed = schema.safeParse(repaired.value);
    if (parsed.success) return parsed.data;
  }
  const finalProblem = repaired ? issuesOf(schema, repaired.value) : problem;
  throw new KtxError(
    'llm_invalid_output',
    `The model's structured output does not match the schema: ${finalProblem}`,
    {
      fix: 'Retry; if it keeps failing, set a stronger model for this role under llm.models in ktx.yaml.',
      cause: options.cause,
      data: { kind: 'invalid_output' },
    },
  );
}
