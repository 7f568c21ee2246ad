/**
 * Identifier-aware terms, so `customer_id`, `CustomerId`, `customerId` and "customer id" meet.
 * FTS5's unicode61 tokenizer already splits on `_`, `.` and `-`; what it cannot do is split camel
 * case or see that "customer id" and `customerid` are one name. So every identifier is indexed three
 * ways — as written, split into words, and its words joined — and queries are expanded the same way.
 */

/** `CustomerID_v2` → [customer, id, v, 2]; `net-revenue retention` → [net, revenue, retention]. */
export function identifierWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])([0-9])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The text indexed for a list of identifiers: each one's words, plus its words joined when there are several. */
export function expandNames(names: readonly string[]): string {
  const out = new Set<string>();
  for (const name of names) {
    const words = identifierWords(name);
    if (words.length === 0) continue;
    out.add(words.join(' '));
    if (words.length > 1) out.add(words.join(''));
    // `orders.customer_id` also stands for its last part joined (`customerid`).
    const last = name.split('.').pop() ?? name;
    const lastWords = identifierWords(last);
    if (lastWords.length > 1) out.add(lastWords.join(''));
  }
  return [...out].join(' ');
}

// Words that carry no meaning in a question; BM25 would weigh them low anyway, but every OR term
// costs a posting-list scan.
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from how i in is it its me my of on or our show that the their them there these this to was we what when where which who why with you your'.split(
    ' ',
  ),
);

/**
 * The distinct lower-case terms of a query: its words (camel case split), and each identifier-like
 * token's words joined, plus adjacent word pairs joined (so "customer id" also finds `customerid`).
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  const tokens = query.split(/\s+/).filter(Boolean);
  const all: string[] = [];
  for (const token of tokens) {
    const words = identifierWords(token);
    for (const word of words) if (!STOP_WORDS.has(word)) terms.add(word);
    if (words.length > 1) terms.add(words.join(''));
    all.push(...words);
  }
  for (let index = 0; index + 1 < all.length; index++) {
    const [left, right] = [all[index] as string, all[index + 1] as string];
    if (!STOP_WORDS.has(left) && !STOP_WORDS.has(right)) terms.add(left + right);
  }
  // A query of stop words only ("what is it") still searches for them rather than for nothing.
  if (terms.size === 0) for (const word of all) terms.add(word);
  return [...terms];
}

/** An FTS5 MATCH expression: the OR of every term, each quoted so no word is read as syntax. */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ');
}
