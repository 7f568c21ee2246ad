import { type Embedder, normalise } from './embedder.js';
import { fuseRanks } from './fuse-ranks.js';
import { ftsMatchExpression, queryTerms } from './identifier-terms.js';
import { BM25_WEIGHTS, FTS_COLUMNS, type IndexDatabase, statement } from './index-schema.js';
import { makeSnippet } from './make-snippet.js';
import type { SearchHit, SearchKind, SearchOutcome, SearchQuery } from './search-types.js';
import type { DocMeta, VectorCache } from './vector-cache.js';

interface DocRow {
  id: number;
  kind: SearchKind;
  key: string;
  title: string;
  path: string | null;
  connectionId: string | null;
  summary: string | null;
}

// Fixed statement texts, prepared once per connection: ids travel as one JSON array parameter.
const LEXICAL_SQL = `SELECT rowid FROM docs_fts WHERE docs_fts MATCH ? ORDER BY bm25(docs_fts, ${BM25_WEIGHTS.join(', ')}) LIMIT ?`;
const ID_LIST = '(SELECT value FROM json_each(?))';

/** Lane weights: the vector lane sees meaning, the lexical lane exact names; neither dominates. */
const LEXICAL_WEIGHT = 1;
const VECTOR_WEIGHT = 1;

/**
 * Answers one query from the index: a BM25 lane over FTS5 (column-weighted, identifier-expanded
 * terms), a cosine lane when an embedder is given, fused by reciprocal rank, collapsed to one hit
 * per (kind, key, connection) so a page's chunks never crowd out other results.
 */
export async function queryIndex(
  db: IndexDatabase,
  vectors: VectorCache,
  query: SearchQuery,
  embedder: Embedder | undefined,
): Promise<SearchOutcome> {
  const limit = Math.max(1, query.limit ?? 10);
  const pool = Math.max(50, limit * 5);
  const kinds = query.kinds && query.kinds.length > 0 ? new Set<string>(query.kinds) : undefined;
  const userId = query.userId ?? null;
  const overridden = new Set<string>(
    userId
      ? (statement(db, "SELECT key FROM docs WHERE kind = 'wiki' AND user_id = ?")
          .pluck()
          .all(userId) as string[])
      : [],
  );
  const visible = (meta: Pick<DocMeta, 'kind' | 'key' | 'userId' | 'connectionId'>) =>
    (!kinds || kinds.has(meta.kind)) &&
    (meta.userId === null || meta.userId === userId) &&
    !(meta.kind === 'wiki' && meta.userId === null && overridden.has(meta.key)) &&
    (!query.connectionId || meta.connectionId === null || meta.connectionId === query.connectionId);

  const terms = queryTerms(query.query);
  const lexical: number[] = [];
  if (terms.length > 0) {
    // Kinds filter inside FTS5 (posting lists intersect, cheap); user and connection in JS after.
    const words = `{${FTS_COLUMNS.filter((column) => column !== 'kind').join(' ')}} : (${ftsMatchExpression(terms)})`;
    const match = kinds
      ? `kind : (${[...kinds].map((kind) => `"${kind}"`).join(' OR ')}) AND ${words}`
      : words;
    const narrowed = userId !== null || overridden.size > 0 || query.connectionId !== undefined;
    const ids = statement(db, LEXICAL_SQL)
      .pluck()
      .all(match, narrowed ? pool * 4 : pool) as number[];
    const metas = metasOf(db, ids);
    for (const id of ids) {
      if (lexical.length >= pool) break;
      const meta = metas.get(id);
      if (meta && visible(meta)) lexical.push(id);
    }
  }

  let semantic: number[] = [];
  let vectorProblem: string | undefined;
  if (embedder) {
    try {
      const [vector] = await embedder.embed([query.query]);
      if (vector) semantic = vectors.nearest(normalise(vector), pool, visible);
    } catch (error) {
      vectorProblem = (error as Error).message;
    }
  }

  const fused = fuseRanks([
    { ids: lexical, weight: LEXICAL_WEIGHT },
    { ids: semantic, weight: VECTOR_WEIGHT },
  ]);
  const ranked = [...fused].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const candidateIds = ranked.slice(0, pool * 2).map(([id]) => id);
  const rows = new Map<number, DocRow>();
  if (candidateIds.length > 0) {
    const select = statement(
      db,
      `SELECT id, kind, key, title, path, connection_id AS connectionId, summary FROM docs WHERE id IN ${ID_LIST}`,
    );
    for (const row of select.all(JSON.stringify(candidateIds)) as DocRow[]) rows.set(row.id, row);
  }

  const hits: (SearchHit & { id: number })[] = [];
  const seen = new Set<string>();
  const top = ranked[0]?.[1] ?? 1;
  for (const [id, score] of ranked) {
    if (hits.length >= limit) break;
    const row = rows.get(id);
    if (!row) continue;
    const identity = `${row.kind}\u0001${row.connectionId ?? ''}\u0001${row.key}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    hits.push({
      id,
      kind: row.kind,
      key: row.key,
      title: row.title,
      score: Math.round((score / top) * 1000) / 1000,
      snippet: '',
      ...(row.path ? { path: row.path } : {}),
      ...(row.connectionId ? { connectionId: row.connectionId } : {}),
    });
  }
  const bodies = new Map<number, string>();
  if (hits.length > 0) {
    const select = statement(db, `SELECT rowid, body FROM docs_fts WHERE rowid IN ${ID_LIST}`);
    const ids = JSON.stringify(hits.map((hit) => hit.id));
    for (const row of select.all(ids) as { rowid: number; body: string }[]) bodies.set(row.rowid, row.body);
  }
  return {
    hits: hits.map(({ id, ...hit }) => ({
      ...hit,
      snippet: snippetFor(rows.get(id) as DocRow, bodies.get(id) ?? '', terms),
    })),
    mode: embedder && !vectorProblem ? 'hybrid' : 'lexical',
    ...(vectorProblem ? { vectorProblem } : {}),
  };
}

/** Around the query's words in the body when they occur there, else the summary, else the body's start. */
function snippetFor(row: DocRow, body: string, terms: readonly string[]): string {
  const excerpt = makeSnippet(body, terms);
  const matched = terms.some((term) => excerpt.toLowerCase().includes(term.slice(0, 5)));
  if (matched || !row.summary) return excerpt || (row.summary ?? '');
  return row.summary.replace(/\s+/g, ' ').trim();
}

function metasOf(db: IndexDatabase, ids: readonly number[]): Map<number, DocMeta> {
  const out = new Map<number, DocMeta>();
  if (ids.length === 0) return out;
  const select = statement(
    db,
    `SELECT id, kind, key, user_id AS userId, connection_id AS connectionId FROM docs WHERE id IN ${ID_LIST}`,
  );
  for (const row of select.all(JSON.stringify(ids)) as DocMeta[]) out.set(row.id, row);
  return out;
}
