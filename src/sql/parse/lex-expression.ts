import type { LexicalMode, LexicalProfile } from '../lexical-profile.js';
import type { TokenList } from '../read-only/token-list.js';
import { tokenize } from '../read-only/tokenize.js';
import { decodeQuotedName, decodeStringLiteral } from './decode-quoted.js';
import type { Token, TokenKind } from './expression-token.js';
import { FragmentSyntaxError } from './fragment-syntax-error.js';

/** Operators the gate's tokenizer delivers one character at a time; longest first. */
const MULTI_CHARACTER_OPERATORS = ['<=>', '<=', '>=', '<>', '!=', '||', '::'];
const SINGLE_CHARACTER_OPERATORS = new Set(['(', ')', ',', '.', '*', '+', '-', '/', '%', '=', '<', '>', ';']);

/**
 * The fragment's tokens, split by the read-only gate's tokenizer so a fragment lexes exactly as the
 * gate and the engine read the dialect (quotes, comments, refusals of hidden characters), then
 * decoded for the parser: string values, unquoted names, upper-cased words, multi-character
 * operators. The gate reports no offset with a refusal, so `locateRefusal` finds it.
 */
export function lexExpression(text: string, profile: LexicalProfile, mode: LexicalMode): Token[] {
  const result = tokenize(text, profile, mode);
  if (!result.ok) {
    throw new FragmentSyntaxError(`the fragment holds ${result.reason}`, locateRefusal(text, profile, mode));
  }
  const list = result.tokens;
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, value: string): void => {
    tokens.push({ kind, start, end, text: text.slice(start, end), value });
  };
  for (let index = 0; index < list.length; index++) {
    const start = list.start(index);
    const end = list.end(index);
    const kind = list.kind(index)!;
    switch (kind) {
      case 'word':
        push('word', start, end, foldToUpper(text.slice(start, end)));
        break;
      case 'quoted-identifier':
        push('quoted-name', start, end, decodeQuotedName(text, start, end, profile));
        break;
      case 'string':
        push('string', start, end, decodeStringLiteral(text, start, end, profile, mode));
        break;
      case 'number':
      case 'parameter':
        push(kind, start, end, text.slice(start, end));
        break;
      case 'punctuation': {
        const operator = MULTI_CHARACTER_OPERATORS.find((candidate) => adjacent(list, index, candidate));
        if (operator !== undefined) {
          push('operator', start, start + operator.length, operator);
          index += operator.length - 1;
        } else {
          const character = text.slice(start, end);
          push(SINGLE_CHARACTER_OPERATORS.has(character) ? 'operator' : 'other', start, end, character);
        }
        break;
      }
    }
  }
  push('end', text.length, text.length, '');
  return tokens;
}

/** True when `operator` is spelled by punctuation tokens starting at `index` with nothing between them. */
function adjacent(list: TokenList, index: number, operator: string): boolean {
  const start = list.start(index);
  if (!list.sql.startsWith(operator, start)) return false;
  for (let offset = 1; offset < operator.length; offset++) {
    if (list.kind(index + offset) !== 'punctuation' || list.start(index + offset) !== start + offset) {
      return false;
    }
  }
  return true;
}

/** Only ASCII letters fold, as in the engines (`ſ` is no `S`). */
function foldToUpper(word: string): string {
  return word.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** Characters the refusal locator may re-tokenize in all: about 30 ms, exact for fragments up to ~2 KB. */
const LOCATE_BUDGET = 4_000_000;

/**
 * Where the tokenizer refused `text`: the longest prefix it accepts ends there (or a character or two
 * into a construct that opens with `E'`, `$$` or `/*!`). Every longer prefix holds the refused
 * character or the unterminated construct, so scanning down from the end finds it; a shorter one may
 * fail by cutting a string, which is why the scan cannot bisect. That makes it quadratic, so past a
 * budget it falls back to halving, which still lands on an accepted prefix: the problem lies at or
 * after the returned offset. Runs only on refused fragments.
 */
function locateRefusal(text: string, profile: LexicalProfile, mode: LexicalMode): number {
  const accepts = (length: number): boolean => tokenize(text.slice(0, length), profile, mode).ok;
  const probes = Math.floor(LOCATE_BUDGET / Math.max(1, text.length));
  let length = text.length - 1;
  for (let probe = 0; length > 0 && probe < probes; probe++, length--) {
    if (accepts(length)) return length;
  }
  while (length > 0 && !accepts(length)) length = Math.floor(length / 2);
  return length;
}
