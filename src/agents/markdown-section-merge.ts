import { KtxError } from '../core/index.js';

export const SECTION_BEGIN =
  '<!-- ktx:begin (written by `ktx setup --agents`; edits inside are replaced) -->';
export const SECTION_END = '<!-- ktx:end -->';
const BEGIN_PREFIX = '<!-- ktx:begin';

export interface MarkdownMergeResult {
  text: string;
  changed: boolean;
}

/**
 * Puts ktx's section into a Markdown file the user also writes in (AGENTS.md): the text between
 * ktx's begin/end markers is replaced, or the section is appended; everything outside is kept.
 */
export function mergeMarkdownSection(
  existing: string | null,
  body: string,
  where: string,
): MarkdownMergeResult {
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const section = [SECTION_BEGIN, body.trim(), SECTION_END].join('\n').replaceAll('\n', eol);
  const text = existing ?? '';
  const begin = text.indexOf(BEGIN_PREFIX);
  const end = text.indexOf(SECTION_END);
  const twice = begin >= 0 && text.indexOf(BEGIN_PREFIX, begin + 1) >= 0;
  if (begin >= 0 !== end >= 0 || end < begin || twice) {
    throw new KtxError(
      'agent_config_malformed',
      `${where} has an unmatched or repeated ktx section marker, so ktx left it untouched.`,
      {
        fix: `keep exactly one "${BEGIN_PREFIX} … -->" … "${SECTION_END}" pair (or none), then re-run ktx setup --agents`,
      },
    );
  }
  let merged: string;
  if (begin >= 0) merged = text.slice(0, begin) + section + text.slice(end + SECTION_END.length);
  else if (text.trim() === '') merged = `${section}${eol}`;
  else merged = `${text.replace(/\s*$/, '')}${eol}${eol}${section}${eol}`;
  return { text: merged, changed: merged !== existing };
}
