import type { LexicalMode, LexicalProfile } from '../lexical-profile.js';
import { FragmentSyntaxError } from './fragment-syntax-error.js';

const BACKSLASH = 92;
const DOLLAR = '$';

/**
 * Backslash escapes every engine that reads them agrees on. Others differ: MySQL keeps the backslash
 * in `\%` and `\_` and reads `\Z` as Ctrl-Z, PostgreSQL `E'…'` reads `\x41` as `A` and `\Z` as `Z`,
 * GoogleSQL refuses unknown escapes. Guessing would change a value silently, so they are refused.
 * @see https://dev.mysql.com/doc/refman/8.4/en/string-literals.html
 * @see https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE
 */
const PORTABLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
  ['`', '`'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['b', '\b'],
]);

/**
 * The value of the string token `text[start, end)`, as the tokenizer delimited it under `profile`
 * and `mode`: `$tag$…$tag$` and `$$…$$` verbatim, `E'…'` with backslash escapes, `'''…'''` with the
 * mode's backslash escapes, and `'…'`/`"…"` with doubled quotes and the mode's backslash escapes.
 */
export function decodeStringLiteral(
  text: string,
  start: number,
  end: number,
  profile: LexicalProfile,
  mode: LexicalMode,
): string {
  const first = text[start];
  if (first === DOLLAR) {
    const delimiterLength = text.indexOf(DOLLAR, start + 1) + 1 - start;
    return text.slice(start + delimiterLength, end - delimiterLength);
  }
  if (first === 'E' || first === 'e') {
    return resolveEscapes(text, start + 2, end - 1, true, profile.doubledQuoteEscapes);
  }
  const quote = text.charCodeAt(start);
  const triple =
    profile.tripleQuotedStrings &&
    end - start >= 6 &&
    text.charCodeAt(start + 1) === quote &&
    text.charCodeAt(start + 2) === quote;
  if (triple) return resolveEscapes(text, start + 3, end - 3, mode.backslashEscapes, false);
  return resolveEscapes(text, start + 1, end - 1, mode.backslashEscapes, profile.doubledQuoteEscapes);
}

/** The name inside a quoted identifier token: `"a""b"` → `a"b`, `[a]]b]` → `a]b` where `]]` escapes. */
export function decodeQuotedName(text: string, start: number, end: number, profile: LexicalProfile): string {
  if (text[start] === '[') {
    const body = text.slice(start + 1, end - 1);
    return profile.bracketIdentifiers === 'doubled-close' ? body.replaceAll(']]', ']') : body;
  }
  return resolveEscapes(
    text,
    start + 1,
    end - 1,
    profile.identifierBackslashEscapes,
    profile.doubledQuoteEscapes,
  );
}

/**
 * The body `text[start, end)` of a quoted run with its escapes resolved. A quote inside a
 * well-delimited run is either escaped by a backslash or, with `doubled`, the first of a pair.
 */
function resolveEscapes(
  text: string,
  start: number,
  end: number,
  backslashEscapes: boolean,
  doubled: boolean,
): string {
  const quote = text.charCodeAt(start - 1);
  let value = '';
  let runStart = start;
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH && backslashEscapes) {
      const escaped = text[index + 1] ?? '';
      const replacement = PORTABLE_ESCAPES.get(escaped);
      if (replacement === undefined) {
        throw new FragmentSyntaxError(
          `the escape \`\\${escaped}\` reads differently in different engines: write the character itself, or \`\\\\\` for a backslash`,
          index,
        );
      }
      value += text.slice(runStart, index) + replacement;
      index += 2;
      runStart = index;
    } else if (code === quote && doubled) {
      value += text.slice(runStart, index + 1);
      index += 2;
      runStart = index;
    } else {
      index++;
    }
  }
  return value + text.slice(runStart, end);
}
