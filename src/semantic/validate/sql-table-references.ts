import { isKeyword, type SqlToken, tokenizeSql } from '../model/sql-tokens.js';

/**
 * The tables a SQL body reads, as name parts (`['public', 'orders']`), by a token scan: names after FROM
 * and JOIN (and after commas of a FROM list), minus the query's own CTE names, subqueries and table
 * functions. Good enough to notice a SQL source reading another source's table.
 */
export function sqlTableReferences(sql: string): string[][] {
  const tokens = tokenizeSql(sql);
  const cteNames = new Set<string>();
  for (let index = 0; index + 2 < tokens.length; index++) {
    const [name, as, open] = [tokens[index]!, tokens[index + 1], tokens[index + 2]];
    if (isName(name) && isKeyword(as, 'as') && open?.text === '(') cteNames.add(name.text.toLowerCase());
  }
  const references = new Map<string, string[]>();
  for (let index = 0; index < tokens.length; index++) {
    if (!isKeyword(tokens[index], 'from') && !isKeyword(tokens[index], 'join')) continue;
    let cursor = index + 1;
    for (;;) {
      const read = readName(tokens, cursor);
      if (!read) break;
      const [name, end] = read;
      const isFunction = tokens[end]?.text === '(';
      if (!isFunction && !(name.length === 1 && cteNames.has(name[0]!.toLowerCase())))
        references.set(JSON.stringify(name), name);
      cursor = skipAlias(tokens, end);
      if (!isKeyword(tokens[index], 'from') || tokens[cursor]?.text !== ',') break;
      cursor++;
    }
  }
  return [...references.values()];
}

function isName(token: SqlToken | undefined): token is SqlToken {
  return token?.kind === 'word' || token?.kind === 'quoted';
}

function readName(tokens: readonly SqlToken[], start: number): [string[], number] | undefined {
  if (!isName(tokens[start]) || isKeyword(tokens[start], 'lateral') || isKeyword(tokens[start], 'unnest'))
    return undefined;
  const parts = [tokens[start]!.text];
  let cursor = start + 1;
  while (tokens[cursor]?.text === '.' && isName(tokens[cursor + 1])) {
    parts.push(tokens[cursor + 1]!.text);
    cursor += 2;
  }
  return [parts, cursor];
}

const CLAUSE_WORDS = new Set([
  'where',
  'group',
  'order',
  'having',
  'limit',
  'join',
  'left',
  'right',
  'inner',
  'full',
  'cross',
  'on',
  'using',
  'union',
  'natural',
  'window',
  'qualify',
]);

function skipAlias(tokens: readonly SqlToken[], start: number): number {
  let cursor = start;
  if (isKeyword(tokens[cursor], 'as')) cursor++;
  const token = tokens[cursor];
  if (isName(token) && !(token.kind === 'word' && CLAUSE_WORDS.has(token.text.toLowerCase()))) cursor++;
  return cursor;
}

/** True when the dotted names agree on their common trailing parts (`orders` ~ `public.orders`). */
export function tableNamesMatch(reference: readonly string[], table: readonly string[]): boolean {
  const left = reference.map((part) => part.toLowerCase());
  const right = table.map((part) => part.toLowerCase());
  const length = Math.min(left.length, right.length);
  return left.slice(-length).join('.') === right.slice(-length).join('.');
}
