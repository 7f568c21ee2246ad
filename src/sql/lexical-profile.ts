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
  /**
   * `#` starts a line comment (MySQL, MariaDB, BigQuery, ClickHouse). Elsewhere `#` is an operator
   * or name character.
   */
  readonly hashComment: boolean;
  /** `//` starts a line comment (Snowflake, ClickHouse). Elsewhere it is two slashes. */
  readonly slashSlashComment: boolean;
  /**
   * Block comments nest, so each opener needs its own closer (PostgreSQL, DuckDB, ClickHouse, SQL
   * Server); otherwise the first closer ends the comment.
   */
  readonly nestedBlockComments: boolean;
  /**
   * Block comments opening with `/*!` or `/*M!` are code the server runs, and `/*+` optimizer hints
   * can change session limits (MySQL 8 `SET_VAR`, `MAX_EXECUTION_TIME`): not comments (MySQL,
   * MariaDB). The gate refuses them outright rather than guess which server version acts on them.
   */
  readonly executableComments: boolean;
  /** `E'…'` is a string that always reads backslash escapes (PostgreSQL, DuckDB). */
  readonly escapeStringPrefix: boolean;
  /**
   * `'''…'''` (and `"""…"""` where `"` quotes strings) is one string that ends at the first
   * unescaped triple quote (GoogleSQL). Elsewhere `'''` is a string holding one quote.
   */
  readonly tripleQuotedStrings: boolean;
  /**
   * A doubled quote inside a quoted string or name stands for one quote (`'it''s'`). When false the
   * second quote ends the run and the third opens a new one (GoogleSQL, whose `'a''b'` is two
   * literals); this matters only next to triple quotes.
   */
  readonly doubledQuoteEscapes: boolean;
  /**
   * What `$` does where a token starts:
   * - `none`: it is a name character, also first (MySQL `$x`, SQLite `$param`, T-SQL `$action`).
   * - `tagged`: `$tag$…$tag$` quotes a string, with a tag made of name characters; `$1` and
   *   `$name` are parameters (PostgreSQL, DuckDB).
   * - `untagged`: only `$$…$$` quotes a string; any other `$` starts a name (Snowflake `$1`, `$var`).
   * - `heredoc`: everything from the `$` to the next `$`, whatever it holds, is a delimiter, and the
   *   string runs to the next copy of it; without one the `$` starts a name (ClickHouse).
   */
  readonly dollarQuotes: 'none' | 'tagged' | 'untagged' | 'heredoc';
  /**
   * `` `name` `` quotes an identifier (MySQL, SQLite, BigQuery, ClickHouse). Whether a doubled
   * backtick or a backslash escapes one inside follows `doubledQuoteEscapes` and
   * `identifierBackslashEscapes`.
   */
  readonly backtickIdentifiers: boolean;
  /**
   * `\` escapes the next character inside quoted identifiers, `"…"` read as a name and `` `…` ``
   * (ClickHouse, BigQuery backticks), so `` `a\`b` `` is one name.
   */
  readonly identifierBackslashEscapes: boolean;
  /**
   * `[name]` quotes an identifier. `first-close`: the first `]` ends it (SQLite). `doubled-close`:
   * `]]` stands for one `]` and a single `]` ends it (SQL Server). `none`: `[` is punctuation.
   */
  readonly bracketIdentifiers: 'none' | 'first-close' | 'doubled-close';
  /**
   * Characters at or above U+0080 outside quotes and comments are name characters (most engines).
   * When false the gate refuses them: the engine gives some of them other meanings (ClickHouse reads
   * `‘…’` as a string, `“…”` as a name and U+2212 as a minus) or rejects them anyway (GoogleSQL).
   */
  readonly nonAsciiNames: boolean;
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
