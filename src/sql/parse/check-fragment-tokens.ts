import type { Token } from './expression-token.js';
import { STATEMENT_WORDS } from './fragment-keywords.js';
import { FragmentSyntaxError } from './fragment-syntax-error.js';

/**
 * Refuses tokens that show the text is not one expression wherever they stand, before the grammar
 * runs, so the message names the real problem rather than a grammar symptom (`a; DROP …` reports
 * the `;`, not a missing operator).
 */
export function checkFragmentTokens(tokens: readonly Token[]): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    switch (token.kind) {
      case 'operator':
        if (token.value === ';') fail('`;` ends the statement: a fragment must be one expression', token);
        break;
      case 'parameter':
        fail(`a parameter (\`${token.text}\`) is not allowed in a fragment: write the value`, token);
        break;
      case 'word':
        if (token.text.startsWith('$')) {
          // `$1` is a positional column in Snowflake, `$x` a parameter in SQLite and a name in MySQL.
          fail(
            `a name starting with \`$\` (\`${token.text}\`) must be quoted: engines read it as a parameter`,
            token,
          );
        }
        if (token.value === 'SELECT' && !isQualifiedName(tokens, index)) {
          fail(
            index === 0
              ? '`SELECT` starts a query: a fragment must be one expression'
              : 'a subquery is not allowed here',
            token,
          );
        }
        if (STATEMENT_WORDS.has(token.value) || token.value === 'SELECT') {
          fail(
            `\`${token.text}\` is a statement keyword, not allowed in a fragment (quote it to use it as a name)`,
            token,
          );
        }
        break;
      default:
        break;
    }
  }
}

/** `t.select`: the word names a column, so the message should say how to quote it. */
function isQualifiedName(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return previous?.kind === 'operator' && previous.value === '.';
}

function fail(message: string, token: Token): never {
  throw new FragmentSyntaxError(message, token.start);
}
