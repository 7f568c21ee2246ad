import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { KtxError } from '../core/index.js';

export type IndexDatabase = Database.Database;

/** Bumped whenever the tables or what goes into them change; an index of another version is rebuilt. */
export const INDEX_SCHEMA_VERSION = '2';

// Column weights for bm25(), in docs_fts column order: a hit in a title or a name beats one in a
// long body, tags sit in between. `kind` only filters (`kind : measure AND (…)`), so it weighs 0.
export const FTS_COLUMNS = ['title', 'names', 'summary', 'body', 'tags', 'kind'] as const;
export const BM25_WEIGHTS = [10, 6, 4, 1, 3, 0] as const;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per origin (a wiki file, a connection's semantic layer, its latest scan): the cheap
-- stat-derived stamp the documents were last built from.
CREATE TABLE IF NOT EXISTS origins (origin TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  ident TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  path TEXT,
  connection_id TEXT,
  user_id TEXT,
  summary TEXT,
  -- hash of everything indexed (changes re-index the row) and of the embedded text (keys vectors)
  hash TEXT NOT NULL,
  embed_hash TEXT NOT NULL,
  UNIQUE (origin, ident)
);
CREATE INDEX IF NOT EXISTS docs_user_key ON docs (user_id, kind, key);
CREATE INDEX IF NOT EXISTS docs_embed ON docs (embed_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5 (
  title, names, summary, body, tags, kind,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Normalised Float32 vectors keyed by the hash of the text embedded, so a moved or unchanged
-- document never pays for a second embedding.
CREATE TABLE IF NOT EXISTS vectors (hash TEXT PRIMARY KEY, vec BLOB NOT NULL);
`;

/**
 * Opens (creating) `.ktx/search.sqlite`. WAL lets readers run while another ktx process writes; the
 * busy timeout makes a second writer wait for the first instead of failing. An index written by
 * another schema version is emptied and rebuilt on the next sync: it is derived data.
 */
export function openIndexDatabase(path: string): IndexDatabase {
  let db: IndexDatabase;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.transaction(() => {
      db.exec(DDL);
      const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get();
      if (version !== INDEX_SCHEMA_VERSION) {
        if (version !== undefined) clearIndex(db, true);
        setMeta(db, 'schema_version', INDEX_SCHEMA_VERSION);
      }
    }).immediate();
  } catch (error) {
    throw new KtxError('search_index', `Cannot open the search index ${path}: ${(error as Error).message}.`, {
      fix: 'It is derived data: delete .ktx/search.sqlite and run `ktx admin reindex`.',
      cause: error,
    });
  }
  return db;
}

const statements = new WeakMap<IndexDatabase, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on `db`, prepared once per connection: preparing costs about as
 * much as running the small statements of a query or a no-change sync.
 */
export function statement(db: IndexDatabase, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let prepared = byText.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    byText.set(sql, prepared);
  }
  return prepared;
}

export function getMeta(db: IndexDatabase, key: string): string | undefined {
  return statement(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function setMeta(db: IndexDatabase, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Empties documents and origins (and vectors when asked); the caller holds the transaction. */
export function clearIndex(db: IndexDatabase, vectors: boolean): void {
  db.exec('DELETE FROM docs; DELETE FROM docs_fts; DELETE FROM origins;');
  if (vectors) db.exec('DELETE FROM vectors;');
  bumpGeneration(db);
}

/** A counter every write bumps, so a long-lived process knows its in-memory vector cache is stale. */
export function bumpGeneration(db: IndexDatabase): void {
  setMeta(db, 'generation', String(Number(getMeta(db, 'generation') ?? '0') + 1));
}
