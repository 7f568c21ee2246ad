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
  endOfTripleQuoted,
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
const PLUS = 0x2b; // +
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
 * differently or a reviewer cannot see: NUL, controls, invisible characters outside quotes (any
 * non-ASCII one where the profile says names are ASCII), a bare carriage return, executable
 * comments, an unterminated string, quoted name or comment, or a `$` the engine may read as a quote
 * the gate cannot match. One pass over the text; nothing is allocated per character.
 */
export function tokenize(sql: string, profile: LexicalProfile, mode: LexicalMode): TokenizeResult {
  if (sql.includes('\0')) return refuse('a NUL character (engines cut the text there)');
  const tokens = new TokenList(sql);
  const length = sql.length;
  const dollarStartsWord = profile.dollarQuotes === 'none';
  const doubled = profile.doubledQuoteEscapes;
  const dollarInWordAmbiguous = profile.dollarQuotes === 'heredoc';
  // Walks forward with the words, like `nextBackslash`, so the check stays linear.
  let nextDollar = dollarInWordAmbiguous ? sql.indexOf('$') : -1;
  const hasDollarBefore = (start: number, end: number): boolean => {
    while (nextDollar !== -1 && nextDollar < start) nextDollar = sql.indexOf('$', nextDollar + 1);
    return nextDollar !== -1 && nextDollar < end;
  };
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
        end = endOfQuoted(sql, index + 1, QUOTE, true, doubled);
        if (end === -1) return refuse(UNTERMINATED_STRING);
        tokens.push('string', index, end);
        index = end;
        continue;
      }
      end = endOfWord(sql, index, profile.nonAsciiNames);
      if (end < 0) return refuse(characterOutsideQuotes(sql, -end - 1));
      // ClickHouse ends a word that starts with a digit before a `$`, which may then open a heredoc
      // the gate would miss; names with `$` are rare there, so any `$` inside a word is refused.
      if (dollarInWordAmbiguous && hasDollarBefore(index, end)) {
        return refuse('a `$` inside a name, where the engine may start a heredoc string');
      }
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
    if (code === SLASH && next === SLASH && profile.slashSlashComment) {
      end = endOfLineComment(sql, index + 2);
      if (end === -2) return refuse(BARE_CARRIAGE_RETURN);
      index = end;
      continue;
    }
    if (code === SLASH && next === STAR) {
      if (profile.executableComments && isExecutableComment(sql, index)) {
        return refuse(
          'an executable comment or optimizer hint (`/*!`, `/*M!`, `/*+`), whose content the server acts on',
        );
      }
      end = endOfBlockComment(sql, index, profile.nestedBlockComments);
      if (end === -1) return refuse('an unterminated block comment');
      index = end;
      continue;
    }
    if (code === QUOTE) {
      end = endOfString(sql, index, QUOTE, profile, mode.backslashEscapes);
      if (end === -1) return refuse(UNTERMINATED_STRING);
      if (hasBackslash(index, end)) backslashInString = true;
      tokens.push('string', index, end);
      index = end;
      continue;
    }
    if (code === DOUBLE_QUOTE) {
      switch (mode.doubleQuotes) {
        case 'identifier':
          end = endOfQuoted(sql, index, DOUBLE_QUOTE, profile.identifierBackslashEscapes, doubled);
          if (end === -1) return refuse(UNTERMINATED_IDENTIFIER);
          tokens.push('quoted-identifier', index, end);
          break;
        case 'string':
          end = endOfString(sql, index, DOUBLE_QUOTE, profile, mode.backslashEscapes);
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
      end = endOfQuoted(sql, index, BACKTICK, profile.identifierBackslashEscapes, doubled);
      if (end === -1) return refuse(UNTERMINATED_IDENTIFIER);
      tokens.push('quoted-identifier', index, end);
      index = end;
      continue;
    }
    if (code === LEFT_BRACKET && profile.bracketIdentifiers !== 'none') {
      end = endOfBracketIdentifier(sql, index, profile.bracketIdentifiers === 'doubled-close');
      if (end === -1) return refuse(UNTERMINATED_IDENTIFIER);
      tokens.push('quoted-identifier', index, end);
      index = end;
      continue;
    }
    if (code === DOLLAR) {
      const dollar = scanDollar(sql, index, tokens, profile);
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

/** Why the character at `index`, inside or at the start of a word, is refused. */
function characterOutsideQuotes(sql: string, index: number): string {
  if (isHiddenCharacterAt(sql, index)) return hiddenCharacter(sql, index);
  return `the non-ASCII character ${describeCharacterAt(sql, index)} outside quotes, which this engine reads as a quote, an operator or an error`;
}

/**
 * A string quoted by `quote` at `start`: triple-quoted where the dialect has those, else a plain run.
 * Without doubled-quote escapes `''` is an empty string, so only three quotes open a triple.
 */
function endOfString(
  sql: string,
  start: number,
  quote: number,
  profile: LexicalProfile,
  backslashEscapes: boolean,
): number {
  if (
    profile.tripleQuotedStrings &&
    sql.charCodeAt(start + 1) === quote &&
    sql.charCodeAt(start + 2) === quote
  ) {
    return endOfTripleQuoted(sql, start, quote, backslashEscapes);
  }
  return endOfQuoted(sql, start, quote, backslashEscapes, profile.doubledQuoteEscapes);
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
  // `/*+ … */` optimizer hints act on the server too: MySQL 8's SET_VAR(…) and MAX_EXECUTION_TIME(0)
  // would lift the session's limits for the statement.
  if (third === BANG || third === PLUS) return true;
  return (third === UPPER_M || third === LOWER_M) && sql.charCodeAt(start + 3) === BANG;
}

/**
 * End of a word, or `-(offset + 1)` of the first character inside it the gate refuses: an invisible
 * one, or any non-ASCII one when the dialect does not read those as name characters.
 */
function endOfWord(sql: string, start: number, nonAsciiNames: boolean): number {
  const length = sql.length;
  let index = start;
  while (index < length) {
    const code = sql.charCodeAt(index);
    if (!isWordPart(code)) break;
    if (code >= 128) {
      if (!nonAsciiNames || isHiddenCharacterAt(sql, index)) return -(index + 1);
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
 * At a `$` that does not continue a word, read as the dialect's `dollarQuotes` says. Returns the next
 * offset, or a refusal reason. A `$` inside a word never gets here (the word scanner takes it), so
 * `a$b$ … $b$` stays code, as the engines read it.
 */
function scanDollar(sql: string, start: number, tokens: TokenList, profile: LexicalProfile): number | string {
  switch (profile.dollarQuotes) {
    case 'none':
      // `isWordStart` takes a leading `$` in these dialects; kept for exhaustiveness.
      return scanDollarWord(sql, start, tokens, profile);
    case 'tagged':
      return scanTaggedDollar(sql, start, tokens);
    case 'untagged': {
      if (sql.charCodeAt(start + 1) !== DOLLAR) return scanDollarWord(sql, start, tokens, profile);
      const end = endOfDollarQuoted(sql, start, start + 2);
      if (end === -1) return 'an unterminated dollar-quoted string';
      tokens.push('string', start, end);
      return end;
    }
    case 'heredoc': {
      // ClickHouse takes whatever lies between this `$` and the next one as the delimiter.
      // @see https://github.com/ClickHouse/ClickHouse/blob/master/src/Parsers/Lexer.cpp
      const tagEnd = sql.indexOf('$', start + 1);
      if (tagEnd === -1) return scanDollarWord(sql, start, tokens, profile);
      const end = endOfDollarQuoted(sql, start, tagEnd + 1);
      // Without a closing delimiter the engine reads `$` as a name or sign; refusing instead keeps
      // every failed delimiter search to one per text, so the scan stays linear.
      if (end === -1) return 'a `$` that opens a heredoc string without an end';
      tokens.push('string', start, end);
      return end;
    }
    default:
      return assertNever(profile.dollarQuotes, 'dollar-quote rule');
  }
}

/** `$` followed by name characters as one word, or a lone `$` as punctuation. */
function scanDollarWord(
  sql: string,
  start: number,
  tokens: TokenList,
  profile: LexicalProfile,
): number | string {
  const end = endOfWord(sql, start + 1, profile.nonAsciiNames);
  if (end < 0) return characterOutsideQuotes(sql, -end - 1);
  tokens.push(end === start + 1 ? 'punctuation' : 'word', start, end);
  return end;
}

/**
 * PostgreSQL and DuckDB: `$1` is a parameter, `$tag$…$tag$` a string, `$name` a named parameter.
 */
function scanTaggedDollar(sql: string, start: number, tokens: TokenList): number | string {
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
