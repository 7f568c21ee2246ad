import { assertNever } from '../../core/index.js';
import type { CompiledRules } from './compiled-rules.js';
import type { TokenList } from './token-list.js';

/**
 * A PRAGMA passes only in one of two exact shapes, `PRAGMA [schema.]name` or
 * `PRAGMA [schema.]name(argument)`, with a name on the allow-list in the matching shape. The
 * argument form of a value PRAGMA writes (`PRAGMA user_version(5)`), and `=` always assigns.
 * `start` is the PRAGMA keyword, `end` the statement's end (exclusive). Returns a reason or `null`.
 */
export function checkPragma(
  tokens: TokenList,
  start: number,
  end: number,
  rules: CompiledRules,
): string | null {
  for (let index = start + 1; index < end; index++) {
    if (tokens.isPunctuation(index, '=')) return 'a PRAGMA with `=` sets a value';
  }
  let nameIndex = start + 1;
  if (tokens.isPunctuation(nameIndex + 1, '.')) nameIndex += 2;
  if (tokens.kind(nameIndex) !== 'word' || (nameIndex > start + 1 && !isName(tokens, start + 1))) {
    return 'the PRAGMA does not name a setting';
  }
  const name = tokens.text(nameIndex).toLowerCase();
  const shape = rules.pragmas.get(name);
  if (shape === undefined) return `PRAGMA ${name} is not on the read-only PRAGMA list`;
  const rest = end - nameIndex - 1;
  switch (shape) {
    case 'bare':
      return rest === 0 ? null : `PRAGMA ${name} with an argument sets a value`;
    case 'with-argument': {
      const argument = nameIndex + 2;
      const shaped =
        rest === 3 &&
        tokens.isPunctuation(nameIndex + 1, '(') &&
        isName(tokens, argument) &&
        tokens.isPunctuation(argument + 1, ')');
      return shaped ? null : `PRAGMA ${name} takes exactly one argument naming what to describe`;
    }
    default:
      return assertNever(shape, 'PRAGMA shape');
  }
}

function isName(tokens: TokenList, index: number): boolean {
  const kind = tokens.kind(index);
  return kind === 'word' || kind === 'quoted-identifier' || kind === 'string';
}
