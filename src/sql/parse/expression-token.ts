import { isKeyword } from './fragment-keywords.js';

/**
 * - `word`: an unquoted name or keyword; `value` is its ASCII-upper-cased text for keyword tests.
 * - `quoted-name`: `"x"`, `` `x` `` or `[x]`; `value` is the name with quotes removed and undoubled.
 * - `string`: any string literal; `value` is the decoded text.
 * - `number`: `value` is the source text (`1`, `2.50`, `1e-3`, `.5`).
 * - `operator`: `( ) , . * + - / % = < > ;` and the multi-character `<= >= <> != <=> || ::`.
 * - `parameter`: `$1`, `$name` (refused by the parser, but lexed so the message can name it).
 * - `other`: any other single character (refused by the parser with its text).
 * - `end`: one past the last token, at the fragment's length.
 */
export type TokenKind =
  | 'word'
  | 'quoted-name'
  | 'string'
  | 'number'
  | 'operator'
  | 'parameter'
  | 'other'
  | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The source text of the token, exactly as written. */
  readonly text: string;
  /** Normalised per kind, as described on `TokenKind`. */
  readonly value: string;
}

/** How messages name a token: keywords bare and upper-case, everything else in backticks. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the fragment';
    case 'string':
      return 'a string';
    case 'word':
      return isKeyword(token.value) ? token.value : `\`${token.text}\``;
    default:
      return `\`${token.text}\``;
  }
}

/** The name a word or quoted-name token spells: a word as written (case kept), a quoted name unquoted. */
export function tokenName(token: Token): string {
  return token.kind === 'quoted-name' ? token.value : token.text;
}
