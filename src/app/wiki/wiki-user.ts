import { KtxError } from '../../core/index.js';
import { requireWikiUserId, wikiUserIds } from '../../wiki/index.js';
import type { OpenProject } from '../open-project.js';

export interface WikiUserInput {
  /** `--user <id>` as typed. */
  user?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The reader of a wiki command: `--user`, else `KTX_USER`, else nobody (global pages only). A user
 * named with `--user` must have a `wiki/user/<id>/` folder, so a typo is an error instead of a
 * silently global view; `KTX_USER` may name a user with no pages yet.
 */
export function resolveWikiReader(
  project: Pick<OpenProject, 'dir'>,
  input: WikiUserInput,
): string | undefined {
  if (input.user !== undefined) {
    requireWikiUserId(input.user);
    const known = wikiUserIds(project.dir);
    if (!known.includes(input.user)) {
      throw new KtxError(
        'wiki_user_unknown',
        `No wiki pages for user \`${input.user}\` (no wiki/user/${input.user}/).`,
        {
          fix:
            known.length > 0
              ? `Known users: ${known.join(', ')}; \`ktx wiki write <key> --user ${input.user} --file …\` starts a new one.`
              : `\`ktx wiki write <key> --user ${input.user} --file …\` creates the user's first page.`,
          data: { userId: input.user },
        },
      );
    }
    return input.user;
  }
  const fromEnv = input.env?.KTX_USER?.trim();
  if (!fromEnv) return undefined;
  try {
    return requireWikiUserId(fromEnv);
  } catch (error) {
    throw new KtxError('wiki_user_invalid', `KTX_USER=${fromEnv} is not a valid wiki user id.`, {
      fix: 'Set KTX_USER to a plain name of letters, digits, `_`, `-` or `.`, or unset it.',
      cause: error,
    });
  }
}
