import type { SqlDialect } from '../../dialect.js';
import { duckdbReadOnlyRules } from './duckdb-read-only-rules.js';

/** DuckDB. Its lexer descends from PostgreSQL's, without standard_conforming_strings. */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  lexical: {
    modes: [{ name: 'default', doubleQuotes: 'identifier', backslashEscapes: false }],
    dashDashComment: 'always',
    hashComment: false,
    slashSlashComment: false,
    nestedBlockComments: true,
    executableComments: false,
    escapeStringPrefix: true,
    tripleQuotedStrings: false,
    doubledQuoteEscapes: true,
    dollarQuotes: 'tagged',
    backtickIdentifiers: false,
    identifierBackslashEscapes: false,
    bracketIdentifiers: 'none',
    nonAsciiNames: true,
  },
  readOnly: duckdbReadOnlyRules,
};
