import type { SqlDialect } from '../../dialect.js';
import { tsqlReadOnlyRules } from './tsql-read-only-rules.js';

/**
 * SQL Server and Azure SQL (T-SQL). `[name]` quotes a name with `]]` for a `]`; `'…'` and `N'…'`
 * strings double their quotes and take no backslash escapes; block comments nest, and a `/*` inside
 * a string inside a comment still opens a level. `SET QUOTED_IDENTIFIER OFF` turns `"…"` into a
 * string, which ends at the same quote, so both readings are listed and must pass.
 * @see https://learn.microsoft.com/en-us/sql/t-sql/language-elements/slash-star-comment-transact-sql
 * @see https://learn.microsoft.com/en-us/sql/relational-databases/databases/database-identifiers
 * @see https://learn.microsoft.com/en-us/sql/t-sql/statements/set-quoted-identifier-transact-sql
 */
export const tsqlDialect: SqlDialect = {
  name: 'tsql',
  lexical: {
    modes: [
      { name: 'QUOTED_IDENTIFIER ON', doubleQuotes: 'identifier', backslashEscapes: false },
      { name: 'QUOTED_IDENTIFIER OFF', doubleQuotes: 'string', backslashEscapes: false },
    ],
    dashDashComment: 'always',
    hashComment: false,
    slashSlashComment: false,
    nestedBlockComments: true,
    executableComments: false,
    escapeStringPrefix: false,
    tripleQuotedStrings: false,
    doubledQuoteEscapes: true,
    // `$` continues names and starts money literals (`$5`) and `$action`; it never quotes.
    dollarQuotes: 'none',
    backtickIdentifiers: false,
    identifierBackslashEscapes: false,
    bracketIdentifiers: 'doubled-close',
    nonAsciiNames: true,
  },
  readOnly: tsqlReadOnlyRules,
};
