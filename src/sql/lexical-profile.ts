/**
 * How a dialect's text splits into tokens: comments, quotes and the characters that may hide them.
 * The read-only tokenizer reads only this profile and never asks which dialect it is lexing, so a
 * new dialect answers every field here or does not compile.
 */
export interface LexicalProfile {
  /**
   * Engine settings that change how the same text lexes (MySQL `ANSI_QUOTES`, PostgreSQL
   * `standard_conforming_strings`). The gate cannot see the session's settings, so a statement must
   * pass under every mode listed. A dialect without such settings lists exactly one. The first is
   * the server default; a mode reading `"…"` as a string comes before its twin reading it as a name,
   * which lets the gate skip the twin when the text splits alike (see `check-read-only.ts`).
   */
  readonly modes: readonly [LexicalMode, ...LexicalMode[]];
  /**
   * `always`: `--` starts a line comment wherever it appears (standard SQL). `needs-space`: only when
   * the next character is whitespace, a control character or the end of input (MySQL, where `1--1`
   * is arithmetic).
   */
  readonly dashDashComment: 'always' | 'needs-space';
  /** `#` starts a line comment (MySQL, MariaDB). Elsewhere `#` is an operator character. */
  readonly hashComment: boolean;
  /**
   * Block comments nest, so each opener needs its own closer (PostgreSQL, DuckDB); otherwise the
   * first closer ends the comment.
   */
  readonly nestedBlockComments: boolean;
  /**
   * Block comments opening with `/*!` or `/*M!` are code the server runs, not comments (MySQL,
   * MariaDB). The gate refuses them outright rather than guess which server version runs them.
   */
  readonly executableComments: boolean;
  /** `E'…'` is a string that always reads backslash escapes (PostgreSQL, DuckDB). */
  readonly escapeStringPrefix: boolean;
  /**
   * `$tag$…$tag$` quotes a string and `$1` is a parameter (PostgreSQL, DuckDB). When false, `$` is an
   * ordinary identifier character, also at the start of a word (MySQL names, SQLite `$param`).
   */
  readonly dollarQuotes: boolean;
  /** `` `name` `` quotes an identifier, with ``` `` ``` for a backtick inside (MySQL, SQLite). */
  readonly backtickIdentifiers: boolean;
  /** `[name]` quotes an identifier and ends at the first `]` (SQLite, for SQL Server compatibility). */
  readonly bracketIdentifiers: boolean;
}

/** One combination of lexing-relevant engine settings. */
export interface LexicalMode {
  /** Names the setting combination in refusal reasons, e.g. `ANSI_QUOTES,NO_BACKSLASH_ESCAPES`. */
  readonly name: string;
  /** What `"…"` is under this mode: a quoted identifier (standard SQL) or a string (MySQL default). */
  readonly doubleQuotes: 'identifier' | 'string';
  /** Whether `\` escapes the next character inside ordinary `'…'` strings and `"…"` strings. */
  readonly backslashEscapes: boolean;
}
