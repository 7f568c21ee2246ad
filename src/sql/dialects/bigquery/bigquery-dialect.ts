import type { SqlDialect } from '../../dialect.js';
import { bigqueryReadOnlyRules } from './bigquery-read-only-rules.js';

/**
 * BigQuery (GoogleSQL). `'…'` and `"…"` are both strings and `\` always escapes the next character,
 * also in raw (`r'…'`) and bytes (`b'…'`) literals, whose prefix is an ordinary word to the gate;
 * `'''…'''` and `"""…"""` end only at three unescaped quotes. A quote is never doubled: `'a''b'` is
 * two literals. Backtick names take the same backslash escapes, `#` and `--` start line comments,
 * block comments do not nest, and unquoted names are ASCII only.
 * @see https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical
 * @see https://github.com/google/zetasql/blob/master/zetasql/parser/flex_tokenizer.l
 */
export const bigqueryDialect: SqlDialect = {
  name: 'bigquery',
  lexical: {
    modes: [{ name: 'default', doubleQuotes: 'string', backslashEscapes: true }],
    dashDashComment: 'always',
    hashComment: true,
    slashSlashComment: false,
    nestedBlockComments: false,
    executableComments: false,
    escapeStringPrefix: false,
    tripleQuotedStrings: true,
    doubledQuoteEscapes: false,
    dollarQuotes: 'none',
    backtickIdentifiers: true,
    identifierBackslashEscapes: true,
    bracketIdentifiers: 'none',
    nonAsciiNames: false,
  },
  readOnly: bigqueryReadOnlyRules,
};
