/**
 * Where quoted runs and comments end. Each returns the offset just past the construct, or -1 when the
 * text ends first: an unterminated construct is refused, because engines disagree on what it means
 * (SQLite quietly closes a block comment at the end of input; PostgreSQL rejects it).
 */

const BACKSLASH = 92;
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;
const STAR = 42;
const SLASH = 47;
const RIGHT_BRACKET = 93;

/**
 * A run quoted by `quote` starting at `start`, where, with `doubled`, a doubled quote stands for
 * itself and, with `backslashEscapes`, `\` escapes the next character (so `'a\'b'` is one string in
 * MySQL). Without `doubled` the run ends at the first unescaped quote (GoogleSQL).
 */
export function endOfQuoted(
  sql: string,
  start: number,
  quote: number,
  backslashEscapes: boolean,
  doubled: boolean,
): number {
  const length = sql.length;
  let index = start + 1;
  while (index < length) {
    const code = sql.charCodeAt(index);
    if (code === BACKSLASH && backslashEscapes) {
      index += 2;
    } else if (code === quote) {
      if (!doubled || sql.charCodeAt(index + 1) !== quote) return index + 1;
      index += 2;
    } else {
      index++;
    }
  }
  return -1;
}

/**
 * A triple-quoted run whose three opening quotes start at `start`: it ends at the first three
 * unescaped quotes in a row, and one or two quotes inside are data (GoogleSQL `'''it's'''`).
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals
 */
export function endOfTripleQuoted(
  sql: string,
  start: number,
  quote: number,
  backslashEscapes: boolean,
): number {
  const length = sql.length;
  let index = start + 3;
  while (index < length) {
    const code = sql.charCodeAt(index);
    if (code === BACKSLASH && backslashEscapes) {
      index += 2;
    } else if (code === quote && sql.charCodeAt(index + 1) === quote && sql.charCodeAt(index + 2) === quote) {
      return index + 3;
    } else {
      index++;
    }
  }
  return -1;
}

/**
 * `[name]`. With `doubled` (SQL Server) `]]` stands for one `]` and the first single `]` closes it;
 * otherwise (SQLite) the first `]` closes it.
 */
export function endOfBracketIdentifier(sql: string, start: number, doubled: boolean): number {
  let close = sql.indexOf(']', start + 1);
  while (doubled && close !== -1 && sql.charCodeAt(close + 1) === RIGHT_BRACKET) {
    close = sql.indexOf(']', close + 2);
  }
  return close === -1 ? -1 : close + 1;
}

/** A block comment starting at `start` (the slash). When `nested`, each inner opener needs a closer. */
export function endOfBlockComment(sql: string, start: number, nested: boolean): number {
  const length = sql.length;
  let depth = 1;
  let index = start + 2;
  while (index < length) {
    const code = sql.charCodeAt(index);
    if (code === STAR && sql.charCodeAt(index + 1) === SLASH) {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else if (nested && code === SLASH && sql.charCodeAt(index + 1) === STAR) {
      depth++;
      index += 2;
    } else {
      index++;
    }
  }
  return -1;
}

/**
 * A line comment starting at `start`; it ends before the line feed (or at the end of input). Returns
 * -2 when the comment holds a carriage return not followed by a line feed: PostgreSQL and DuckDB end
 * the comment there while MySQL and SQLite do not, so the text after it is code to some engines only.
 */
export function endOfLineComment(sql: string, start: number): number {
  const length = sql.length;
  for (let index = start; index < length; index++) {
    const code = sql.charCodeAt(index);
    if (code === LINE_FEED) return index;
    if (code === CARRIAGE_RETURN && sql.charCodeAt(index + 1) !== LINE_FEED) return -2;
  }
  return length;
}

/**
 * A dollar-quoted string starting at `start` whose opening delimiter (`$tag$`) ends at `tagEnd`
 * (exclusive): the body runs to the next identical delimiter.
 */
export function endOfDollarQuoted(sql: string, start: number, tagEnd: number): number {
  const delimiter = sql.slice(start, tagEnd);
  const close = sql.indexOf(delimiter, tagEnd);
  return close === -1 ? -1 : close + delimiter.length;
}
