import { type Diagnostic, didYouMean } from '../core/index.js';
import type { LocatedValue } from './parse-wiki-page.js';

/** One `broken-ref` error per ref (front matter or `[[link]]`) naming a key the page cannot see. */
export function findBrokenRefs(
  refs: readonly LocatedValue[],
  visible: ReadonlySet<string>,
  file: string,
): Diagnostic[] {
  return refs
    .filter((ref) => !visible.has(ref.value))
    .map((ref) => ({
      severity: 'error' as const,
      code: 'broken-ref',
      message: `ref \`${ref.value}\` names no wiki page${didYouMean(ref.value, visible)}`,
      file,
      line: ref.line,
      fix: `create the page with \`ktx wiki write ${ref.value} --file …\`, or fix the ref`,
    }));
}
