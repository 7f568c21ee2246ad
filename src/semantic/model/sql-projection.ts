import { isKeyword, type SqlToken, tokenizeSql } from './sql-tokens.js';

const CLAUSE_ENDS = new Set([
  'from',
  'where',
  'group',
  'having',
  'order',
  'limit',
  'union',
  'intersect',
  'except',
  'window',
  'qualify',
  'fetch',
  'offset',
  'into',
]);
const NOT_NAMES = new Set([
  'end',
  'null',
  'true',
  'false',
  'distinct',
  'all',
  'and',
  'or',
  'not',
  'then',
  'else',
]);

/**
 * The output column names of a SQL source's outermost SELECT, by a token scan (spec §1.11 item 3
 * asks only for "a simple projection scan"). `undefined` for `SELECT *` / `t.*` or when no SELECT is
 * found; `complete: false` when some item has no name we can read (an unaliased expression), so a
 * caller must not treat a missing name as proof of absence.
 */
export function sqlProjection(sql: string): { columns: string[]; complete: boolean } | undefined {
  const tokens = tokenizeSql(sql);
  const start = outerSelect(tokens);
  if (start === undefined) return undefined;
  let index = skipSelectModifiers(tokens, start + 1);
  const items: SqlToken[][] = [[]];
  let depth = 0;
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (depth < 0) break;
    if (
      depth === 0 &&
      (token.text === ';' || (token.kind === 'word' && CLAUSE_ENDS.has(token.text.toLowerCase())))
    )
      break;
    if (depth === 0 && token.text === ',') items.push([]);
    else items.at(-1)!.push(token);
  }
  const columns: string[] = [];
  let complete = true;
  for (const item of items) {
    if (item.at(-1)?.text === '*') return undefined;
    const name = itemName(item);
    if (name === undefined) complete = false;
    else columns.push(name);
  }
  return { columns, complete };
}

function outerSelect(tokens: readonly SqlToken[]): number | undefined {
  let depth = 0;
  for (const [index, token] of tokens.entries()) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (depth === 0 && isKeyword(token, 'select')) return index;
  }
  // `(SELECT …)` wrapped whole in parentheses: fall back to the first SELECT anywhere.
  const first = tokens.findIndex((token) => isKeyword(token, 'select'));
  return first === -1 ? undefined : first;
}

function skipSelectModifiers(tokens: readonly SqlToken[], index: number): number {
  let cursor = index;
  if (isKeyword(tokens[cursor], 'all')) return cursor + 1;
  if (isKeyword(tokens[cursor], 'distinct')) {
    cursor++;
    if (isKeyword(tokens[cursor], 'on') && tokens[cursor + 1]?.text === '(')
      cursor = closing(tokens, cursor + 1) + 1;
  }
  if (isKeyword(tokens[cursor], 'top')) cursor += tokens[cursor + 1]?.text === '(' ? 0 : 2;
  return cursor;
}

function closing(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    if (tokens[index]!.text === '(') depth++;
    if (tokens[index]!.text === ')' && --depth === 0) return index;
  }
  return tokens.length;
}

function isName(token: SqlToken | undefined): boolean {
  return token?.kind === 'quoted' || (token?.kind === 'word' && !NOT_NAMES.has(token.text.toLowerCase()));
}

function itemName(item: readonly SqlToken[]): string | undefined {
  const last = item.at(-1);
  const before = item.at(-2);
  if (!last || !isName(last)) return undefined;
  if (item.length === 1) return last.text;
  if (isKeyword(before, 'as')) return last.text;
  // `t.col`, `schema.t.col`: a plain column reference keeps the column's name.
  const chain = item.every((token, index) => (index % 2 === 0 ? isName(token) : token.text === '.'));
  if (chain) return last.text;
  // Implicit alias: `count(*) n`, `amount total`; not `x::int` or `a + b`.
  const closesExpression = before?.text === ')' || isKeyword(before, 'end');
  if (
    before &&
    (closesExpression || isName(before) || before.kind === 'string' || before.kind === 'number')
  ) {
    return last.text;
  }
  return undefined;
}
