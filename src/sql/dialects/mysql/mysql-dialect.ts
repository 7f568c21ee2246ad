import type { SqlDialect } from '../../dialect.js';
import { mysqlReadOnlyRules } from './mysql-read-only-rules.js';

/** MySQL and MariaDB. */
export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  lexical: {
    // sql_mode can hold ANSI_QUOTES (`"` quotes names) and NO_BACKSLASH_ESCAPES (`\` is literal);
    // a statement must be safe under every combination. The server default comes first.
    modes: [
      { name: 'the default sql_mode', doubleQuotes: 'string', backslashEscapes: true },
      { name: 'NO_BACKSLASH_ESCAPES', doubleQuotes: 'string', backslashEscapes: false },
      { name: 'ANSI_QUOTES', doubleQuotes: 'identifier', backslashEscapes: true },
      { name: 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES', doubleQuotes: 'identifier', backslashEscapes: false },
    ],
    dashDashComment: 'needs-space',
    hashComment: true,
    slashSlashComment: false,
    nestedBlockComments: false,
    executableComments: true,
    escapeStringPrefix: false,
    tripleQuotedStrings: false,
    doubledQuoteEscapes: true,
    dollarQuotes: 'none',
    backtickIdentifiers: true,
    identifierBackslashEscapes: false,
    bracketIdentifiers: 'none',
    nonAsciiNames: true,
  },
  readOnly: mysqlReadOnlyRules,
};
