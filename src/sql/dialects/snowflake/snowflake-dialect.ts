import type { SqlDialect } from '../../dialect.js';
import { snowflakeReadOnlyRules } from './snowflake-read-only-rules.js';

/**
 * Snowflake. No session setting changes its lexing: `'…'` strings always read backslash escapes as
 * well as `''`, `"…"` is always a name, `$$…$$` is a string with no escapes, and `//` starts a line
 * comment like `--`. Block comments do not nest: the first closer ends one.
 * @see https://docs.snowflake.com/en/sql-reference/data-types-text#string-constants
 * @see https://docs.snowflake.com/en/sql-reference/identifiers-syntax
 * @see https://docs.snowflake.com/en/migrations/snowconvert-docs/general/getting-started/running-snowconvert/validation/ambiguous-comments-validations
 */
export const snowflakeDialect: SqlDialect = {
  name: 'snowflake',
  lexical: {
    modes: [{ name: 'default', doubleQuotes: 'identifier', backslashEscapes: true }],
    dashDashComment: 'always',
    hashComment: false,
    slashSlashComment: true,
    nestedBlockComments: false,
    executableComments: false,
    escapeStringPrefix: false,
    tripleQuotedStrings: false,
    doubledQuoteEscapes: true,
    // `$1` (a pipe or stage column) and `$name` (a session variable) are names; only `$$` quotes.
    dollarQuotes: 'untagged',
    backtickIdentifiers: false,
    identifierBackslashEscapes: false,
    bracketIdentifiers: 'none',
    nonAsciiNames: true,
  },
  readOnly: snowflakeReadOnlyRules,
};
