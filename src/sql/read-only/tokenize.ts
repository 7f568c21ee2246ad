import { assertNever } from '../../core/index.js';
import type { LexicalMode, LexicalProfile } from '../lexical-profile.js';
import {
  characterWidthAt,
  describeCharacterAt,
  isAsciiControl,
  isDigit,
  isHiddenCharacterAt,
  isWordPart,
  isWordStart,
} from './character-classes.js';
import {
  endOfBlockComment,
  endOfBracketIdentifier,
  endOfDollarQuoted,
  endOfLineComment,
  endOfQuoted,
} from './scan-literals.js';
import { TokenList } from './token-list.js';

/**
 * `backslashInString`: a plain `'…'` or `"…"` string held a backslash; `backslashInDoubleQuoted`:
 * a `"…"` string did. Only such a backslash lets a mode that reads backslashes differently split
 * the text differently, so the caller may skip modes these flags show cannot differ.
 */
export type TokenizeResult =
  | { ok: true; tokens: TokenList; backslashInString: boolean; backslashInDoubleQuoted: boolean }
  | { ok: false; reason: string };

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const BANG = 33;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const QUOTE = 39;
const STAR = 42;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const UPPER_E = 69;
const UPPER_M = 77;
const LEFT_BRACKET = 91;
const BACKTICK = 96;
const LOWER_E = 101;
const LOWER_M = 109;

/**
 * Splits `sql` into tokens the way an engine with `profile` running under `mode` would, dropping
 * comments and whitespace. Refuses (rather than guesses) when the text holds something engines read
 * differently or a reviewer cannot see: NUL, controls, invisible characters outside quotes, a bare
 * carriage return, executable comments, or an unterminated string, quoted name or comment.
 * One pass over the text; nothing is allocated per character.
 */
export function tokenize(sql: string, profile: LexicalProfile, mode: LexicalMode): TokenizeResult {
  if (sql.includes('\0')) return refuse('a NUL character (engines cut the text there)');
  const tokens = new TokenList(sql);
  const length = sql.length;
  const dollarStartsWord = !profile.dollarQuotes;
  // Walks forward with the strings, so finding backslashes inside them stays linear.
  let nextBackslash = sql.indexOf('\\');
  let backslashInString = false;
  let backslashInDoubleQuoted = false;
  const hasBackslash = (start: number, end: number): boolean => {
    while (nextBackslash !== -1 && nextBackslash < start) {
      nextBackslash = sql.indexOf('\\', nextBackslash + 1);
    }
    return nextBackslash !== -1 && nextBackslash < end;
  };
  let index = 0;
  while (index < length) {
    const code = sql.charCodeAt(index);
    const next = sql.charCodeAt(index + 1);
    let end: number;
    if (code === SPACE || code === TAB || code === LINE_FEED) {
      index++;
      continue;
    }
    // Words first: they are the most common token, and no word character opens a comment or quote.
    if (isWordStart(code, dollarStartsWord)) {
      // `E'…'` reads backslash escapes whatever the mode: only when the word is exactly `E`.
      if (profile.escapeStringPrefix && (code === UPPER_E || code === LOWER_E) && next === QUOTE) {
        end = endOfQuoted(sql, index + 1, QUOTE, true);
        if (end === -1) return refuse(UNTERMINATED_STRING);
        tokens.push('string', index, end);
        index = end;
        continue;
      }
      end = endOfWord(sql, index);
      if (end < 0) return refuse(hiddenCharacter(sql, -end - 1));
      tokens.push('word', index, end);
      index = end;
      continue;
    }
    if (code === CARRIAGE_RETURN) {
      if (next !== LINE_FEED) return refuse(BARE_CARRIAGE_RETURN);
      index += 2;
      continue;
    }
    if (isAsciiControl(code)) return refuse(`the control character ${describeCharacterAt(sql, index)}`);
    if (code === DASH && next === DASH && dashDashOpensComment(profile, sql.charCodeAt(index + 2))) {
      end = endOfLineComment(sql, index + 2);
      if (end === -2) return refuse(BARE_CARRIAGE_RETURN);
      index = end;
      continue;
    }
    if (code === HASH && profile.hashComment) {
      end = endOfLineComment(sql, index + 1);
      if (end === -2) return refuse(BARE_CARRIAGE_RETURN);
      index = end;
      continue;
    }
    if (code === SLASH && next === STAR) {
      if (profile.executableComments && isExecutableComment(sql, index)) {
        return refuse('an executable comment (`/*!` or `/*M!`), whose content the server runs');
      }
      end = endOfBlockComment(sql, index, profile.nestedBlockComments);
      if (end === -1) return refuse('an unterminated block comment');
      index = end;
      continue;
    }
    if (code === QUOTE) {
      end = endOfQuoted(sql, index, QUOTE, mode.backslashEscapes);
      if (end === -1) return refuse(UNTERMINATED_STRING);
      if (hasBackslash(index, end)) backslashInString = true;
      tokens.push('string', index, end);
      index = end;
      continue;
    }
    if (code === DOUBLE_QUOTE) {
      switch (mode.doubleQuotes) {
        case 'identifier':
          end = endOfQuoted(sql, index, DOUBLE_QUOTE, false);
          if (end === -1) return refuse(UNTERMINATED_IDENTIFIER);
          tokens.push('quoted-identifier', index, end);
          break;
        case 'string':
          end = endOfQuoted(sql, index, DOUBLE_QUOTE, mode.backslashEscapes);
          if (end === -1) return refuse(UNTERMINATED_STRING);
          if (hasBackslash(index, end)) backslashInString = backslashInDoubleQuoted = true;
          tokens.push('string', index, end);
          break;
        default:
          return assertNever(mode.doubleQuotes, 'double-quote mode');
      }
      index = end;
      continue;
    }
    if (code === BACKTICK && profile.backtickIdentifiers) {
      end = endOfQuoted(sql, index, BACKTICK, false);
      if (end === -1) return refuse(UNTERMINATED_IDENTIFIER);
      tokens.push('quoted-identifier', index, end);
      index = end;
      continue;
    }
    if (code === LEFT_BRACKET && profile.bracketIdentifiers) {
      end = endOfBracketIdentifier(sql, index);
      if (end === -1) return refuse(UNTERMINATED_IDENTIFIER);
      tokens.push('quoted-identifier', index, end);
      index = end;
      continue;
    }
    if (code === DOLLAR && profile.dollarQuotes) {
      const dollar = scanDollar(sql, index, tokens);
      if (typeof dollar === 'string') return refuse(dollar);
      index = dollar;
      continue;
    }
    if (isDigit(code) || (code === DOT && isDigit(next))) {
      end = endOfNumber(sql, index);
      tokens.push('number', index, end);
      index = end;
      continue;
    }
    tokens.push('punctuation', index, index + 1);
    index++;
  }
  return { ok: true, tokens, backslashInString, backslashInDoubleQuoted };
}

const BARE_CARRIAGE_RETURN =
  'a carriage return not followed by a line feed (engines disagree on where it ends a comment)';
const UNTERMINATED_STRING = 'an unterminated string literal';
const UNTERMINATED_IDENTIFIER = 'an unterminated quoted identifier';

function refuse(reason: string): TokenizeResult {
  return { ok: false, reason };
}

function hiddenCharacter(sql: string, index: number): string {
  return `the invisible or format character ${describeCharacterAt(sql, index)} outside quotes`;
}

function dashDashOpensComment(profile: LexicalProfile, after: number): boolean {
  switch (profile.dashDashComment) {
    case 'always':
      return true;
    case 'needs-space':
      // NaN at the end of input: `--` there is a comment too.
      return Number.isNaN(after) || after <= SPACE || after === 127;
    default:
      return assertNever(profile.dashDashComment, 'dash-dash comment rule');
  }
}

function isExecutableComment(sql: string, start: number): boolean {
  const third = sql.charCodeAt(start + 2);
  if (third === BANG) return true;
  return (third === UPPER_M || third === LOWER_M) && sql.charCodeAt(start + 3) === BANG;
}

/** End of a word, or `-(offset + 1)` of the first invisible character inside it. */
function endOfWord(sql: string, start: number): number {
  const length = sql.length;
  let index = start;
  while (index < length) {
    const code = sql.charCodeAt(index);
    if (!isWordPart(code)) break;
    if (code >= 128) {
      if (isHiddenCharacterAt(sql, index)) return -(index + 1);
      index += characterWidthAt(sql, index);
    } else {
      index++;
    }
  }
  return index;
}

/**
 * Digits, an optional fraction and an exponent only when digits follow it (`1e` stays `1` then `e`,
 * as PostgreSQL lexes it, so `1e'…'` still opens an escape string there).
 */
function endOfNumber(sql: string, start: number): number {
  let index = start;
  while (isDigit(sql.charCodeAt(index))) index++;
  if (sql.charCodeAt(index) === DOT) {
    index++;
    while (isDigit(sql.charCodeAt(index))) index++;
  }
  const exponent = sql.charCodeAt(index);
  if (exponent === UPPER_E || exponent === LOWER_E) {
    let digits = index + 1;
    const sign = sql.charCodeAt(digits);
    if (sign === 43 || sign === DASH) digits++;
    if (isDigit(sql.charCodeAt(digits))) {
      index = digits;
      while (isDigit(sql.charCodeAt(index))) index++;
    }
  }
  return index;
}

/**
 * At a `$` in a dialect with dollar quoting: `$1` is a parameter, `$tag$…$tag$` a string, `$name` a
 * named parameter. Returns the next offset, or a refusal reason. A `$` inside a word never gets
 * here (the word scanner takes it), so `a$b$ … $b$` stays code, as the engines read it.
 */
function scanDollar(sql: string, start: number, tokens: TokenList): number | string {
  const length = sql.length;
  let index = start + 1;
  if (isDigit(sql.charCodeAt(index))) {
    while (isDigit(sql.charCodeAt(index))) index++;
    tokens.push('parameter', start, index);
    return index;
  }
  // A tag is a word without `$`; the empty tag gives `$$`.
  while (index < length) {
    const code = sql.charCodeAt(index);
    if (code === DOLLAR || !isWordPart(code)) break;
    if (code >= 128) {
      if (isHiddenCharacterAt(sql, index)) return hiddenCharacter(sql, index);
      index += characterWidthAt(sql, index);
    } else {
      index++;
    }
  }
  if (sql.charCodeAt(index) === DOLLAR) {
    const end = endOfDollarQuoted(sql, start, index + 1);
    if (end === -1) return 'an unterminated dollar-quoted string';
    tokens.push('string', start, end);
    return end;
  }
  if (index === start + 1) {
    tokens.push('punctuation', start, index);
  } else {
    tokens.push('parameter', start, index);
  }
  return index;
}
