import { didYouMean, KtxError } from '../../core/index.js';
import { LLM_MODEL_ROLES, type LlmModelRole } from '../../llm/port.js';

/** `--role` as given on the command line; undefined means `default`. */
export function parseModelRole(value: string | undefined): LlmModelRole {
  if (value === undefined) return 'default';
  if ((LLM_MODEL_ROLES as readonly string[]).includes(value)) return value as LlmModelRole;
  throw new KtxError(
    'invalid_argument',
    `--role \`${value}\` is not a model role${didYouMean(value, LLM_MODEL_ROLES)}.`,
    {
      fix: `Use one of: ${LLM_MODEL_ROLES.join(', ')}.`,
    },
  );
}
