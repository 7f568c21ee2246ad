/**
 * What a dialect lets through the read-only gate. The classifier in `read-only/` applies these rules
 * the same way for every dialect; everything a dialect does differently is data here.
 */
export interface ReadOnlyRules {
  /**
   * The upper-case words a statement may start with, and how the rest of it is checked. A statement
   * whose first word is not a key here is refused, so forgetting a verb can only refuse too much.
   */
  readonly statements: Readonly<Record<string, StatementKind>>;
  /**
   * Upper-case bare words refused anywhere in the statement. Keep these to verbs that only appear in
   * statements that write (`DELETE`, `INTO`, `ANALYZE`…): ordinary column names must still pass.
   */
  readonly forbiddenWords: readonly string[];
  /**
   * Upper-case word sequences of locking clauses not caught by a forbidden word (`FOR SHARE`, or a
   * single word such as SQL Server's `UPDLOCK` table hint).
   */
  readonly lockingClauses: readonly (readonly string[])[];
  /**
   * Upper-case word sequences refused anywhere because they change state or run another statement,
   * where one of their words alone is ordinary (`NEXT VALUE FOR` advances a SQL Server sequence, but
   * `FETCH NEXT` pages).
   */
  readonly forbiddenPhrases: readonly (readonly string[])[];
  /**
   * Operators refused outside quotes and comments, each with the clause that says why: Snowflake's
   * `@` names a stage (files, not tables) and `->>` chains another statement. A multi-character
   * operator matches its characters as consecutive tokens, also with spaces or comments between.
   */
  readonly forbiddenOperators: Readonly<Record<string, string>>;
  /**
   * Lower-case names of functions refused when called, bare, schema-qualified or quoted. `*` matches
   * any run of characters, so `lo_*` covers every large-object function.
   */
  readonly forbiddenFunctions: readonly string[];
  /**
   * Lower-case names of functions that sleep for their argument in seconds. A call passes only with a
   * numeric literal no longer than the statement timeout; without a timeout it never passes.
   */
  readonly sleepFunctions: readonly string[];
  /** Lower-case PRAGMA names that only read, with the one shape each may take. Empty: no PRAGMA. */
  readonly pragmas: Readonly<Record<string, PragmaShape>>;
  /** How a table reference can make the engine read a file, or `null` when it never does. */
  readonly fileTables: FileTableRules | null;
}

/**
 * - `query`: a query or plan (SELECT, WITH, VALUES, TABLE, EXPLAIN, DESCRIBE); every word is checked.
 * - `metadata`: a catalog read (SHOW); the word right after the verb is exempt, so `SHOW CREATE TABLE`
 *   passes, and the rest is checked like a query.
 * - `pragma`: must match the `pragmas` allow-list exactly and never assign with `=`.
 */
export type StatementKind = 'query' | 'metadata' | 'pragma';

/**
 * - `bare`: only `PRAGMA name`; its argument form would write (`PRAGMA user_version(5)` sets it).
 * - `with-argument`: `PRAGMA name(object)`, where the argument names what to describe.
 */
export type PragmaShape = 'bare' | 'with-argument';

/** DuckDB replacement scans: `FROM 'data.csv'`, `FROM "data.csv"` and `FROM data.csv` read files. */
export interface FileTableRules {
  /** Upper-case words followed by a table reference: `FROM`, `JOIN`, `DESCRIBE`… */
  readonly keywords: readonly string[];
  /** Lower-case final name parts the engine takes for a file extension, as `csv` in `data.csv`. */
  readonly extensions: readonly string[];
}
