import type { SqlDialect } from '../../dialect.js';
import { sqliteReadOnlyRules } from './sqlite-read-only-rules.js';

/** SQLite (through better-sqlite3). */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  lexical: {
    // No setting changes SQLite's lexing. A `"…"` that names no column becomes a string, but it
    // ends at the same quote either way.
    modes: [{ name: 'default', doubleQuotes: 'identifier', backslashEscapes: false }],
    dashDashComment: 'always',
    hashComment: false,
    slashSlashComment: false,
    nestedBlockComments: false,
    executableComments: false,
    escapeStringPrefix: false,
    tripleQuotedStrings: false,
    doubledQuoteEscapes: true,
    dollarQuotes: 'none',
    backtickIdentifiers: true,
    identifierBackslashEscapes: false,
    bracketIdentifiers: 'first-close',
    nonAsciiNames: true,
  },
  readOnly: sqliteReadOnlyRules,
};
