import type { CompiledRules } from './compiled-rules.js';
import type { ReadOnlyCheckOptions } from './read-only-check-options.js';
import type { TokenList } from './token-list.js';

/**
 * A quoted function name may only hold name characters: anything else (`U&"pg\005fsleep"`, a
 * `UESCAPE` character) could spell a forbidden function the name check cannot see.
 */
const PLAIN_NAME = /^[\p{L}\p{N}_$]+$/u;

/**
 * Checks the call whose name is token `index` (a word, quoted identifier or string before `(`), by its
 * last name part, so `pg_catalog.pg_sleep(…)` and `"pg_sleep"(…)` count. Returns a refusal reason or
 * `null`. A CTE or alias column list (`x(a, b)`) looks the same and is judged the same way: biased to
 * refusing.
 */
export function checkFunctionCall(
  tokens: TokenList,
  index: number,
  rules: CompiledRules,
  options: ReadOnlyCheckOptions,
): string | null {
  let name: string;
  if (tokens.kind(index) !== 'word') {
    name = tokens.quotedName(index);
    if (!PLAIN_NAME.test(name))
      return 'a quoted function name with escapes or symbols, which can hide the function it calls';
  } else {
    name = tokens.text(index);
  }
  name = name.toLowerCase();
  if (rules.sleepFunctions.has(name)) return checkSleep(tokens, index, name, options);
  if (rules.forbiddenFunction?.test(name)) {
    return `calling ${name}() can change server state, touch server files or run other SQL`;
  }
  return null;
}

/** Sleeps pass only as `name(<number>)` with the duration (seconds) inside the statement timeout. */
function checkSleep(
  tokens: TokenList,
  index: number,
  name: string,
  options: ReadOnlyCheckOptions,
): string | null {
  if (options.timeoutMs === undefined) return `${name}() sleeps and no statement timeout bounds it`;
  const literal = tokens.kind(index + 2) === 'number' && tokens.isPunctuation(index + 3, ')');
  if (!literal) return `${name}() sleeps for a duration that is not a numeric literal`;
  const seconds = Number(tokens.text(index + 2));
  if (!(seconds * 1000 <= options.timeoutMs)) {
    return `${name}(${tokens.text(index + 2)}) sleeps longer than the ${options.timeoutMs} ms statement timeout`;
  }
  return null;
}
