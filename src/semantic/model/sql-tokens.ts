/** One lexical token of a SQL body; quoted identifiers come back unquoted with kind `quoted`. */
export interface SqlToken {
  readonly kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol';
  readonly text: string;
}

/**
 * A forgiving tokenizer for scanning SQL source bodies (projection names, table references). It is
 * not a parser and never fails: comments are skipped, strings and quoted names are kept whole so
 * their contents are never mistaken for keywords, and an unterminated quote runs to the end.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    const next = sql[index + 1];
    if (/\s/.test(char)) {
      index++;
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      const { text, end } = readQuoted(sql, index, char);
      tokens.push({ kind: char === "'" ? 'string' : 'quoted', text });
      index = end;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][\w$]*/.exec(sql.slice(index))!;
      tokens.push({ kind: 'word', text: match[0] });
      index += match[0].length;
    } else if (/\d/.test(char)) {
      const match = /^\d+(\.\d*)?([eE][+-]?\d+)?/.exec(sql.slice(index))!;
      tokens.push({ kind: 'number', text: match[0] });
      index += match[0].length;
    } else if (char === ':' && next === ':') {
      tokens.push({ kind: 'symbol', text: '::' });
      index += 2;
    } else {
      tokens.push({ kind: 'symbol', text: char });
      index++;
    }
  }
  return tokens;
}

// A doubled quote inside a quoted run is an escaped quote, in every dialect we support.
function readQuoted(sql: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === quote && sql[index + 1] === quote) {
      text += quote;
      index += 2;
    } else if (sql[index] === quote) {
      return { text, end: index + 1 };
    } else {
      text += sql[index++];
    }
  }
  return { text, end: index };
}

/** True when `token` is the bare keyword `word` (case-insensitive). */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}
