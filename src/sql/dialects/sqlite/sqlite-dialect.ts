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
    nestedBlockComments: false,
    executableComments: false,
    escapeStringPrefix: false,
    dollarQuotes: false,
    backtickIdentifiers: true,
    bracketIdentifiers: true,
  },
  readOnly: sqliteReadOnlyRules,
};
