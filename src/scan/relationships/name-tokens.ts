/**
 * Name analysis for relationship discovery: identifiers are split into lower-case word tokens
 * (camelCase, digits, `_`, `-`, spaces), folded to ASCII, and compared through inflection and
 * abbreviation rules. Pure functions; every caller works on tokens, never on raw names.
 */

/** Tokens that mark a column as a reference when they end (or, French/Spanish style, start) its name. */
export const KEY_SUFFIXES = new Set([
  'id',
  'key',
  'code',
  'uuid',
  'guid',
  'no',
  'nr',
  'num',
  'nbr',
  'ref',
  'fk',
  'sk',
  'sku',
  'isbn',
  'ean',
  'upc',
  'iso',
  'cd',
]);

/** Warehouse layer prefixes carried by table names but never by the columns that point at them. */
const LAYER_PREFIXES = new Set([
  'stg',
  'stage',
  'staging',
  'dim',
  'fct',
  'fact',
  'int',
  'mart',
  'tbl',
  'tb',
  't',
  'raw',
  'src',
  'd',
  'f',
]);

/** Splits `CustomerID`, `customer_id`, `cust-no2` into `[customer, id]`, `[cust, no, 2]`. */
export function nameTokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe');
  return folded
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** English singular of one word, by the usual suffix rules (`categories` → `category`). */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ves')) return `${word.slice(0, -3)}f`;
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Trailing words that say what kind of table it is, not what it holds (`item_master` holds items). */
const TABLE_SUFFIXES = new Set([
  'master',
  'mstr',
  'mst',
  'table',
  'tbl',
  'data',
  'info',
  'list',
  'lookup',
  'lkp',
  'dim',
]);

/** Table-name tokens with layer prefixes dropped, last word singular (`dim_customers` → `[customer]`). */
export function tableStem(tableName: string): string[] {
  const tokens = nameTokens(tableName);
  let trimmed = tokens.length > 1 && LAYER_PREFIXES.has(tokens[0]!) ? tokens.slice(1) : tokens;
  if (trimmed.length > 1 && TABLE_SUFFIXES.has(trimmed[trimmed.length - 1]!)) trimmed = trimmed.slice(0, -1);
  return [...trimmed.slice(0, -1), singular(trimmed[trimmed.length - 1] ?? '')].filter(Boolean);
}

/**
 * The column prefix every column of a table shares (`o_orderkey`, `o_custkey` → `o`; TPC-H and
 * older ERP schemas), so it can be ignored when columns of two tables are compared.
 */
export function sharedColumnPrefix(columns: readonly string[]): string | undefined {
  if (columns.length < 2) return undefined;
  const firsts = columns.map((column) => /^([A-Za-z]{1,4})_/.exec(column)?.[1]?.toLowerCase());
  const first = firsts[0];
  return first && firsts.every((prefix) => prefix === first) ? first : undefined;
}

/** Column tokens with the table's shared prefix removed. */
export function columnTokens(column: string, prefix: string | undefined): string[] {
  const tokens = nameTokens(column);
  return prefix && tokens[0] === prefix && tokens.length > 1 ? tokens.slice(1) : tokens;
}

/**
 * What a column says it references: the tokens before (or after) a key marker. `cust_id` → `[cust]`,
 * `id_client` → `[client]`, `o_custkey` (prefix stripped to `custkey`) → `[cust]`, `CustomerID` →
 * `[customer]`. Undefined when the name carries no marker.
 */
export function referenceStem(tokens: readonly string[]): { stem: string[]; marker: string } | undefined {
  if (tokens.length === 0) return undefined;
  const last = tokens[tokens.length - 1]!;
  if (tokens.length > 1 && KEY_SUFFIXES.has(last)) return { stem: tokens.slice(0, -1), marker: last };
  const first = tokens[0]!;
  if (tokens.length > 1 && (first === 'id' || first === 'fk' || first === 'cod' || first === 'code'))
    return { stem: tokens.slice(1), marker: first };
  // Glued markers: `custkey`, `customerid`, `partno`.
  const glued = /^([a-z]{2,})(id|key|code|no|nr|num|uuid)$/.exec(last);
  if (glued) return { stem: [...tokens.slice(0, -1), glued[1]!], marker: glued[2]! };
  return undefined;
}

/** Whether `short` abbreviates `word`: a prefix (`cust`), or its letters in order starting alike (`cstmr`). */
export function abbreviates(short: string, word: string): number {
  if (short === word) return 1;
  if (short.length < 2 || short.length >= word.length) return 0;
  if (short[0] !== word[0]) return 0;
  if (word.startsWith(short)) return short.length >= 3 ? 0.85 : 0.7;
  let position = 0;
  for (const letter of short) {
    position = word.indexOf(letter, position) + 1;
    if (position === 0) return 0;
  }
  return short.length >= 3 ? 0.75 : 0;
}

/**
 * How well reference-stem tokens name a table (0 when they do not). Exact singular/plural match 1;
 * the stem ends with the table's words (`billing_customer` → customers) 0.88; word-by-word
 * abbreviation (`cust_addr` → customer_addresses) up to 0.85; initials (`po` → purchase_orders) 0.75;
 * a glued stem (`custaddr`) or a prefix of a single-word table 0.8.
 */
export function stemMatchesTable(stem: readonly string[], table: readonly string[]): number {
  if (stem.length === 0 || table.length === 0) return 0;
  const stemSingular = [...stem.slice(0, -1), singular(stem[stem.length - 1]!)];
  const joinedStem = stemSingular.join('');
  const joinedTable = table.join('');
  if (joinedStem === joinedTable) return 1;
  if (stemSingular.length > table.length) {
    // A role prefix: `billing_customer` → customers (0.88), `buyer_emp` → employees (abbreviated, ≤ 0.8).
    const tail = stemSingular.slice(-table.length);
    if (tail.join('') === joinedTable) return 0.88;
    const scores = tail.map((token, index) => abbreviates(token, table[index]!));
    if (scores.every((score) => score >= 0.75)) return Math.min(0.8, Math.min(...scores));
  }
  if (stemSingular.length === table.length) {
    const scores = stemSingular.map((token, index) => abbreviates(token, table[index]!));
    if (scores.every((score) => score > 0)) return Math.min(0.85, Math.min(...scores));
  }
  if (stemSingular.length === 1 && table.length > 1) {
    const initials = table.map((token) => token[0]).join('');
    if (joinedStem === initials && joinedStem.length >= 2) return 0.75;
    // A glued stem (`custaddr`), unless the stem is a whole word of the table (`user` is not `user_roles`).
    const glued = abbreviates(joinedStem, joinedTable);
    if (glued >= 0.75 && joinedStem.length >= 4 && !table.includes(joinedStem)) return 0.8;
  }
  // German/Dutch/Spanish plurals the English rules miss (`kunde` → `kunden`, `pais` → `paises`).
  if (stemSingular.length === table.length && table.length === 1) {
    const word = table[0]!;
    if (word.startsWith(joinedStem) && word.length - joinedStem.length <= 2 && joinedStem.length >= 3)
      return 0.9;
  }
  return 0;
}
