/**
 * Character tests for the tokenizer, on UTF-16 code units. Engines treat every character at or above
 * U+0080 as an identifier character, so the tokenizer does too, except the invisible ones below.
 */

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** First character of an unquoted word. `$` starts one only where it is not a quote or parameter sigil. */
export function isWordStart(code: number, dollarStartsWord: boolean): boolean {
  return isAsciiLetter(code) || code === 95 || code >= 128 || (code === 36 && dollarStartsWord);
}

/** Later characters of a word: `$` continues one in every dialect (`a$b` is one PostgreSQL name). */
export function isWordPart(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code) || code === 95 || code === 36 || code >= 128;
}

/** ASCII controls other than tab and line feed; a carriage return is judged separately. */
export function isAsciiControl(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
}

/**
 * Controls, format characters (zero-width space, bidi overrides, BOM), separators other than the
 * ASCII space (NBSP, ideographic space…) and unpaired surrogates. Outside quotes they either split
 * words differently per engine (DuckDB takes NBSP for a space, PostgreSQL and MySQL for a name
 * character) or hide text from a human reviewer, so the gate refuses them. Sticky, so testing at an
 * offset allocates nothing.
 */
const HIDDEN_AT = /[\p{Cc}\p{Cf}\p{Cs}\p{Zs}\p{Zl}\p{Zp}]/uy;

/** True when the (non-ASCII) character starting at `index` is one the gate refuses outside quotes. */
export function isHiddenCharacterAt(text: string, index: number): boolean {
  HIDDEN_AT.lastIndex = index;
  return HIDDEN_AT.test(text);
}

/** `U+200B`-style name of the character at `index`, for refusal reasons. */
export function describeCharacterAt(text: string, index: number): string {
  const codePoint = text.codePointAt(index) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 2 for a surrogate pair starting at `index`, else 1. */
export function characterWidthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}
