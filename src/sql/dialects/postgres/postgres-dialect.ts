import type { SqlDialect } from '../../dialect.js';
import { postgresReadOnlyRules } from './postgres-read-only-rules.js';

/** PostgreSQL (and engines that speak its SQL). */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  lexical: {
    // standard_conforming_strings=off makes `\` an escape in plain '…' strings; a session may set it.
    modes: [
      { name: 'standard_conforming_strings=on', doubleQuotes: 'identifier', backslashEscapes: false },
      { name: 'standard_conforming_strings=off', doubleQuotes: 'identifier', backslashEscapes: true },
    ],
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
  readOnly: postgresReadOnlyRules,
};
