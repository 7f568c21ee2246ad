import type { DocumentCollector } from './document-collector.js';
import { type Embedder, normalise, toBlob } from './embedder.js';
import { documentIdent, embeddingText, sha1 } from './embedding-text.js';
import { expandNames } from './identifier-terms.js';
import { bumpGeneration, getMeta, type IndexDatabase, setMeta } from './index-schema.js';
import type { SearchDocument } from './search-types.js';
import { StoredStamps } from './stored-stamps.js';

export interface SyncReport {
  /** Origins whose documents were rebuilt (changed or new) and origins dropped. */
  changedOrigins: number;
  removedOrigins: number;
  inserted: number;
  updated: number;
  deleted: number;
  embedded: number;
  elapsedMs: number;
  /** Set when embedding failed: the documents are indexed lexically and embedded on a later sync. */
  embeddingProblem?: string;
}

interface PreparedDoc {
  doc: SearchDocument;
  ident: string;
  hash: string;
  embedText: string;
  embedHash: string;
}

function groupInto<K>(groups: Map<K, string[]>, key: K, value: string): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

function prepare(doc: SearchDocument): PreparedDoc {
  const embedText = embeddingText(doc);
  const indexed = JSON.stringify([
    doc.title,
    doc.names,
    doc.summary ?? '',
    doc.body,
    doc.tags ?? [],
    doc.path ?? '',
  ]);
  return { doc, ident: documentIdent(doc), hash: sha1(indexed), embedText, embedHash: sha1(embedText) };
}

/**
 * Brings the index up to date with the collectors: a cheap stamp walk first (nothing else happens
 * when no stamp moved), then only changed origins are rebuilt, and within them only documents whose
 * content hash changed are rewritten. Embedding happens outside the write transaction; the write
 * itself is one IMMEDIATE transaction that re-checks stamps, so two processes syncing at once
 * apply each change once and never interleave.
 */
export async function syncDocuments(
  db: IndexDatabase,
  collectors: readonly DocumentCollector[],
  embedder: Embedder | undefined,
  options: { signal?: AbortSignal; storedStamps?: StoredStamps } = {},
): Promise<SyncReport> {
  const started = performance.now();
  const report: SyncReport = {
    changedOrigins: 0,
    removedOrigins: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
    embedded: 0,
    elapsedMs: 0,
  };
  const stored = (options.storedStamps ?? new StoredStamps()).current(db);
  const current = new Map<string, { stamp: string; collector: DocumentCollector }>();
  for (const collector of collectors)
    for (const [origin, stamp] of collector.stamps()) current.set(origin, { stamp, collector });
  const changed = [...current].filter(([origin, { stamp }]) => stored.get(origin) !== stamp);
  const removed = [...stored.keys()].filter((origin) => !current.has(origin));
  const embedderId = embedder?.id ?? '';
  const vectorsFor = getMeta(db, 'embedder') ?? '';
  const vectorsPending =
    embedder !== undefined && (vectorsFor !== embedderId || getMeta(db, 'vectors_pending') === '1');
  if (changed.length === 0 && removed.length === 0 && !vectorsPending) {
    report.elapsedMs = performance.now() - started;
    return report;
  }

  // Read the changed origins' documents, grouped by collector so each reads its files once.
  const byCollector = new Map<DocumentCollector, string[]>();
  for (const [origin, { collector }] of changed) groupInto(byCollector, collector, origin);
  const fresh = new Map<string, PreparedDoc[]>();
  for (const [collector, origins] of byCollector) {
    const documents = await collector.documents(origins);
    for (const origin of origins) fresh.set(origin, (documents.get(origin) ?? []).map(prepare));
  }

  // Embed what has no vector yet: new text of changed documents, plus any backlog (a model switch,
  // or an earlier sync whose embedding failed).
  const vectors = new Map<string, Float32Array>();
  let pendingAfter = false;
  if (embedder) {
    const known = db.prepare('SELECT 1 FROM vectors WHERE hash = ?').pluck();
    const needed = new Map<string, string>();
    const clearing = vectorsFor !== embedderId;
    for (const docs of fresh.values())
      for (const prepared of docs)
        if (clearing || !known.get(prepared.embedHash)) needed.set(prepared.embedHash, prepared.embedText);
    if (vectorsPending) {
      const backlog = clearing
        ? (db.prepare('SELECT embed_hash, origin FROM docs').all() as {
            embed_hash: string;
            origin: string;
          }[])
        : (db
            .prepare('SELECT embed_hash, origin FROM docs WHERE embed_hash NOT IN (SELECT hash FROM vectors)')
            .all() as { embed_hash: string; origin: string }[]);
      const backlogOrigins = new Set(backlog.map((row) => row.origin).filter((origin) => !fresh.has(origin)));
      if (backlogOrigins.size > 0) {
        // Their text is not stored; rebuild those origins too (their stamps are unchanged, so cheap to re-read).
        const backlogByCollector = new Map<DocumentCollector, string[]>();
        for (const origin of backlogOrigins) {
          const entry = current.get(origin);
          if (entry) groupInto(backlogByCollector, entry.collector, origin);
        }
        for (const [collector, origins] of backlogByCollector) {
          const documents = await collector.documents(origins);
          for (const origin of origins) {
            const prepared = (documents.get(origin) ?? []).map(prepare);
            fresh.set(origin, prepared);
            for (const doc of prepared) needed.set(doc.embedHash, doc.embedText);
          }
        }
      }
    }
    if (needed.size > 0) {
      try {
        const hashes = [...needed.keys()];
        const embedded = await embedder.embed(
          hashes.map((hash) => needed.get(hash) as string),
          options.signal,
        );
        for (const [index, hash] of hashes.entries())
          vectors.set(hash, normalise(embedded[index] as Float32Array));
        report.embedded = hashes.length;
      } catch (error) {
        if (options.signal?.aborted) throw error;
        report.embeddingProblem = (error as Error).message;
        pendingAfter = true;
      }
    }
  }

  const apply = db.transaction(() => {
    const stampNow = db.prepare('SELECT stamp FROM origins WHERE origin = ?').pluck();
    const existing = db.prepare('SELECT id, ident, hash FROM docs WHERE origin = ?');
    const deleteDoc = db.prepare('DELETE FROM docs WHERE id = ?');
    const deleteFts = db.prepare('DELETE FROM docs_fts WHERE rowid = ?');
    const insertDoc = db.prepare(
      `INSERT INTO docs (origin, ident, kind, key, title, path, connection_id, user_id, summary, hash, embed_hash)
       VALUES (@origin, @ident, @kind, @key, @title, @path, @connectionId, @userId, @summary, @hash, @embedHash)`,
    );
    const insertFts = db.prepare(
      'INSERT INTO docs_fts (rowid, title, names, summary, body, tags, kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const upsertOrigin = db.prepare(
      'INSERT INTO origins (origin, stamp) VALUES (?, ?) ON CONFLICT (origin) DO UPDATE SET stamp = excluded.stamp',
    );
    const insertVector = db.prepare('INSERT OR IGNORE INTO vectors (hash, vec) VALUES (?, ?)');

    if (embedder && vectorsFor !== embedderId) db.exec('DELETE FROM vectors'); // another model's vectors
    for (const [hash, vector] of vectors) insertVector.run(hash, toBlob(vector));

    for (const origin of removed) {
      if (stampNow.get(origin) === undefined) continue; // another process dropped it already
      for (const row of existing.all(origin) as { id: number }[]) {
        deleteFts.run(row.id);
        deleteDoc.run(row.id);
        report.deleted++;
      }
      db.prepare('DELETE FROM origins WHERE origin = ?').run(origin);
      report.removedOrigins++;
    }
    for (const [origin, docs] of fresh) {
      const stamp = current.get(origin)?.stamp as string;
      const rows = existing.all(origin) as { id: number; ident: string; hash: string }[];
      // Unchanged stamp: another process got here first, or only its vectors were missing.
      if (stampNow.get(origin) === stamp) continue;
      const before = new Map(rows.map((row) => [row.ident, row]));
      const seen = new Set<string>();
      for (const prepared of docs) {
        if (seen.has(prepared.ident)) continue;
        seen.add(prepared.ident);
        const old = before.get(prepared.ident);
        if (old && old.hash === prepared.hash) continue;
        if (old) {
          deleteFts.run(old.id);
          deleteDoc.run(old.id);
        }
        const { doc } = prepared;
        const id = Number(
          insertDoc.run({
            origin,
            ident: prepared.ident,
            kind: doc.kind,
            key: doc.key,
            title: doc.title,
            path: doc.path ?? null,
            connectionId: doc.connectionId ?? null,
            userId: doc.userId ?? null,
            summary: doc.summary ?? null,
            hash: prepared.hash,
            embedHash: prepared.embedHash,
          }).lastInsertRowid,
        );
        insertFts.run(
          id,
          doc.title,
          expandNames([...doc.names, doc.title]),
          doc.summary ?? '',
          doc.body,
          (doc.tags ?? []).join(' '),
          doc.kind,
        );
        if (old) report.updated++;
        else report.inserted++;
      }
      for (const row of rows) {
        if (seen.has(row.ident)) continue;
        deleteFts.run(row.id);
        deleteDoc.run(row.id);
        report.deleted++;
      }
      upsertOrigin.run(origin, stamp);
      report.changedOrigins++;
    }
    if (embedder) {
      setMeta(db, 'embedder', embedderId);
      setMeta(db, 'vectors_pending', pendingAfter ? '1' : '0');
    }
    if (report.changedOrigins + report.removedOrigins + vectors.size > 0) bumpGeneration(db);
  });
  apply.immediate();
  report.elapsedMs = performance.now() - started;
  return report;
}
