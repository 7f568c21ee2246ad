/**
 * - `word`: an unquoted identifier or keyword, the only kind matched against keyword lists.
 * - `quoted-identifier`: `"x"`, `` `x` `` or `[x]`; never a keyword, but may name a called function.
 * - `string`: any string literal, including `E'…'` and `$tag$…$tag$`.
 * - `number`, `parameter` (`$1`, `$name`): inert.
 * - `punctuation`: one character each; multi-character operators arrive as several tokens.
 */
export type TokenKind = 'word' | 'quoted-identifier' | 'string' | 'number' | 'parameter' | 'punctuation';

const KINDS: readonly TokenKind[] = [
  'word',
  'quoted-identifier',
  'string',
  'number',
  'parameter',
  'punctuation',
];
// A plain object with a fixed shape: V8 resolves these lookups faster than a Map on the hot path.
const KIND_CODES: Readonly<Record<TokenKind, number>> = {
  word: 0,
  'quoted-identifier': 1,
  string: 2,
  number: 3,
  parameter: 4,
  punctuation: 5,
};

/**
 * The tokens of one text as typed arrays of kinds and offsets, so a 100 KB statement allocates a
 * few buffers rather than an object or a substring per token. Comments and whitespace are not
 * tokens. Text is sliced out only when a rule needs it.
 */
export class TokenList {
  private kindCodes: Uint8Array;
  private startOffsets: Int32Array;
  private endOffsets: Int32Array;
  private count = 0;

  constructor(readonly sql: string) {
    // Dense SQL has about one token per three or four characters; grown by doubling past that.
    const capacity = 16 + Math.ceil(sql.length / 3);
    this.kindCodes = new Uint8Array(capacity);
    this.startOffsets = new Int32Array(capacity);
    this.endOffsets = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(kind: TokenKind, start: number, end: number): void {
    if (this.count === this.kindCodes.length) this.grow();
    this.kindCodes[this.count] = KIND_CODES[kind];
    this.startOffsets[this.count] = start;
    this.endOffsets[this.count] = end;
    this.count++;
  }

  /** The kind of token `index`, or `undefined` past the end. */
  kind(index: number): TokenKind | undefined {
    return index >= 0 && index < this.count ? KINDS[this.kindCodes[index]!] : undefined;
  }

  start(index: number): number {
    return this.startOffsets[index]!;
  }

  end(index: number): number {
    return this.endOffsets[index]!;
  }

  text(index: number): string {
    return this.sql.slice(this.startOffsets[index], this.endOffsets[index]);
  }

  /** True when token `index` is the punctuation character `char`. */
  isPunctuation(index: number, char: string): boolean {
    return this.kind(index) === 'punctuation' && this.sql[this.startOffsets[index]!] === char;
  }

  /** The name inside a quoted identifier, with its quotes removed (doubled quotes are left as is). */
  quotedName(index: number): string {
    return this.sql.slice(this.startOffsets[index]! + 1, this.endOffsets[index]! - 1);
  }

  private grow(): void {
    const capacity = this.kindCodes.length * 2;
    const kinds = new Uint8Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    kinds.set(this.kindCodes);
    starts.set(this.startOffsets);
    ends.set(this.endOffsets);
    this.kindCodes = kinds;
    this.startOffsets = starts;
    this.endOffsets = ends;
  }
}
