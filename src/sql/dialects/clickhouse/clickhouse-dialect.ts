import type { SqlDialect } from '../../dialect.js';
import { clickhouseReadOnlyRules } from './clickhouse-read-only-rules.js';

/**
 * ClickHouse, lexed as its own `Lexer.cpp` does. `'…'` strings, `"…"` and `` `…` `` names all take
 * both `\` escapes and doubled quotes; `--`, `//`, `# ` and `#!` start line comments (a `#`
 * followed by anything else is a lexer error, so reading every `#` as a comment hides nothing the
 * engine would run); block comments nest. A `$` where a token starts opens a heredoc whose
 * delimiter is everything up to the next `$`. Unquoted names are ASCII only: the lexer reads `‘…’`
 * as a string, `“…”` as a name and U+2212 as a minus, so the gate refuses non-ASCII outside quotes.
 * @see https://clickhouse.com/docs/sql-reference/syntax
 * @see https://github.com/ClickHouse/ClickHouse/blob/master/src/Parsers/Lexer.cpp
 */
export const clickhouseDialect: SqlDialect = {
  name: 'clickhouse',
  lexical: {
    modes: [{ name: 'default', doubleQuotes: 'identifier', backslashEscapes: true }],
    dashDashComment: 'always',
    hashComment: true,
    slashSlashComment: true,
    nestedBlockComments: true,
    executableComments: false,
    escapeStringPrefix: false,
    tripleQuotedStrings: false,
    doubledQuoteEscapes: true,
    dollarQuotes: 'heredoc',
    backtickIdentifiers: true,
    identifierBackslashEscapes: true,
    bracketIdentifiers: 'none',
    nonAsciiNames: false,
  },
  readOnly: clickhouseReadOnlyRules,
};
