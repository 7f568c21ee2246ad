import type { TokenList } from './token-list.js';

/**
 * Case-insensitive lookup of ASCII keywords straight from the SQL text, without slicing or
 * upper-casing each word: the gate runs on every query and most words are not keywords. Only ASCII
 * letters fold, as in the engines, so `ſelect` (long s) is no SELECT even though JavaScript's
 * `toUpperCase` would make it one.
 */
export class KeywordTable {
  private readonly byHash = new Map<number, string[]>();
  private readonly longest: number;

  /** `words` are upper-case ASCII. */
  constructor(words: Iterable<string>) {
    let longest = 0;
    for (const word of new Set(words)) {
      const hash = hashFolded(word, 0, word.length);
      this.byHash.set(hash, [...(this.byHash.get(hash) ?? []), word]);
      longest = Math.max(longest, word.length);
    }
    this.longest = longest;
  }

  /** The keyword that token `index` is, or `null` when it is not a bare word or not a keyword. */
  at(tokens: TokenList, index: number): string | null {
    return tokens.kind(index) === 'word'
      ? this.lookup(tokens.sql, tokens.start(index), tokens.end(index))
      : null;
  }

  /** The upper-case keyword spelled by `sql[start, end)`, or `null` when it is none of them. */
  lookup(sql: string, start: number, end: number): string | null {
    if (end - start > this.longest) return null;
    const hash = hashFolded(sql, start, end);
    if (hash === -1) return null;
    const candidates = this.byHash.get(hash);
    if (candidates === undefined) return null;
    for (const word of candidates) {
      if (word.length === end - start && equalsFolded(sql, start, word)) return word;
    }
    return null;
  }
}

/** A hash of the ASCII-upper-cased text, or -1 when it holds a non-ASCII character. */
function hashFolded(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let index = start; index < end; index++) {
    const code = foldCase(text.charCodeAt(index));
    if (code > 127) return -1;
    hash = (Math.imul(hash, 31) + code) | 0;
  }
  return hash & 0x7fffffff;
}

function equalsFolded(text: string, start: number, word: string): boolean {
  for (let offset = 0; offset < word.length; offset++) {
    if (foldCase(text.charCodeAt(start + offset)) !== word.charCodeAt(offset)) return false;
  }
  return true;
}

function foldCase(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}
